import type { SessionStatus, SignOutReason } from './session.svelte.ts'

/** Who a page is for. */
export type Access = 'signed-in' | 'signed-out'

/** Where a signed-in user starts. */
export const HOME_PATH = '/my-list'
export const SIGN_IN_PATH = '/sign-in'

/** A `next` parameter is honoured only when it is a path on this site (never an open redirect). */
export function safeNextPath(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null
}

export interface GuardInput {
  path: string
  /** undefined when no page has this path. */
  access: Access | undefined
  status: SessionStatus
  query: URLSearchParams
  signOutReason: SignOutReason | null
}

/** Where to send the visitor instead of `path`, or null to stay. */
export function redirectFor({ path, access, status, query, signOutReason }: GuardInput): string | null {
  if (status === 'restoring') return null
  if (path === '/') return status === 'signed-in' ? HOME_PATH : SIGN_IN_PATH
  if (access === 'signed-in' && status === 'signed-out') {
    // After "Sign out" the user is done here; after an expired session they want to come back.
    return signOutReason === 'user' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(path)}`
  }
  if (access === 'signed-out' && status === 'signed-in') return safeNextPath(query.get('next')) ?? HOME_PATH
  return null
}
