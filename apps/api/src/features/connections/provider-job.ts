import type { Db } from '../../db/database.ts'
import type { AccessTokenSource, StreamingProvider } from './provider.ts'

/** What a background job that calls a listener's provider needs (the library scan, an enforcement run). */
export interface ProviderJobDeps {
  db: Db
  /** Adapters by connection provider ('spotify', 'spotify_simulated'). */
  providers: Partial<Record<string, StreamingProvider>>
  tokenSource: (connectionId: string) => AccessTokenSource
  clock: () => Date
  /** How a Retry-After or a backoff is waited out (injected so tests and benches decide). */
  sleep?: (ms: number) => Promise<void>
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
