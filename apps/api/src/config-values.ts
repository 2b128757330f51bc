// Parsing one environment variable: a bad value stops the process naming the variable and the fix.

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    fix: string,
  ) {
    super(`${variable} ${problem}. Fix: ${fix}`)
  }
}

export type Env = Record<string, string | undefined>

export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `is "${raw}", not a whole number between ${min} and ${max}`, `set ${name}=${fallback} or unset it`)
  }
  return value
}

export function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes'].includes(raw)) return true
  if (['0', 'false', 'no'].includes(raw)) return false
  throw new ConfigError(name, `is "${env[name]}", not true or false`, `set ${name}=true or ${name}=false`)
}

export function url(env: Env, name: string, protocols: string[], example: string): string | undefined {
  const raw = env[name]
  if (raw === undefined || raw === '') return undefined
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(name, 'is not a valid URL', `use the form ${example}, or unset it for the embedded default`)
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `has protocol "${parsed.protocol}"`, `use the form ${example}, or unset it for the embedded default`)
  }
  return raw
}

export const trimSlash = (value: string) => value.replace(/\/+$/, '')

