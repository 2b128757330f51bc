import { getContext, setContext } from 'svelte'
import type { SessionStore } from './session.svelte.ts'

const SESSION = Symbol('session')

export function provideSession(session: SessionStore): SessionStore {
  return setContext(SESSION, session)
}

export function useSession(): SessionStore {
  const session = getContext<SessionStore | undefined>(SESSION)
  if (!session) throw new Error('useSession() needs a SessionStore provided by an ancestor (provideSession)')
  return session
}
