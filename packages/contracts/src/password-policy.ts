/**
 * The password policy as data. The API enforces it, the registration form renders it as a
 * live checklist; neither restates a rule. Rules follow OWASP/NIST guidance: length matters most,
 * a little variety, and nothing derived from the account's own email.
 */
export interface PasswordContext {
  email?: string
}

export interface PasswordRule {
  id: string
  /** Shown in the checklist and returned by the API when the rule fails. */
  message: string
  check: (password: string, context: PasswordContext) => boolean
}

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128

const emailName = (email: string | undefined) => (email ?? '').split('@')[0]?.toLowerCase() ?? ''

export const passwordPolicy: readonly PasswordRule[] = [
  {
    id: 'min-length',
    message: `At least ${PASSWORD_MIN_LENGTH} characters`,
    check: (pw) => [...pw].length >= PASSWORD_MIN_LENGTH,
  },
  {
    id: 'max-length',
    message: `At most ${PASSWORD_MAX_LENGTH} characters`,
    check: (pw) => [...pw].length <= PASSWORD_MAX_LENGTH,
  },
  { id: 'lowercase', message: 'A lowercase letter', check: (pw) => /\p{Ll}/u.test(pw) },
  { id: 'uppercase', message: 'An uppercase letter', check: (pw) => /\p{Lu}/u.test(pw) },
  { id: 'digit', message: 'A number', check: (pw) => /\p{Nd}/u.test(pw) },
  {
    id: 'not-email',
    message: 'Does not contain your email name',
    check: (pw, { email }) => {
      const name = emailName(email)
      return name.length < 3 || !pw.toLowerCase().includes(name)
    },
  },
]

export interface PasswordRuleResult {
  id: string
  message: string
  passed: boolean
}

export function evaluatePassword(password: string, context: PasswordContext = {}): PasswordRuleResult[] {
  return passwordPolicy.map((rule) => ({ id: rule.id, message: rule.message, passed: rule.check(password, context) }))
}

export function failedPasswordRules(password: string, context: PasswordContext = {}): PasswordRuleResult[] {
  return evaluatePassword(password, context).filter((r) => !r.passed)
}
