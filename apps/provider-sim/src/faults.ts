import { deriveSeed, seededRandom, type Random } from './random.ts'

/** Faults the Web API (/v1) injects. Set at start (options / env) and changed live with PUT /admin/faults. */
export interface FaultConfig {
  /** Calls a client may make per rolling window before 429; null turns rate limiting off. */
  rateLimit: number | null
  /** The rolling window (Spotify: 30 s). */
  rateWindowSeconds: number
  /** A 429 body says QUOTA_EXCEEDED (Spotify since 2026-07) instead of a plain rate limit. */
  quotaExceeded: boolean
  /** A fixed Retry-After; null means "until the window has room again". */
  retryAfterSeconds: number | null
  /** Share of Web API calls answered with a 5xx before anything is applied (seeded, deterministic). */
  serverErrorRate: number
  serverErrorStatus: 500 | 502 | 503
  /** The next N Web API calls answer a 5xx (counts down). */
  serverErrorNext: number
  /** Added to every Web API call. */
  latencyMs: number
  /** Share of successful mutations whose response is lost after the change was applied. */
  lostResponseRate: number
  /** The next N successful mutations lose their response (counts down). */
  lostResponseNext: number
  /** How a lost response looks to the client: the socket closes without an answer, or a proxy's 502. */
  lostResponseMode: 'socket-hang-up' | 'bad-gateway'
}

export const noFaults: FaultConfig = {
  rateLimit: null,
  rateWindowSeconds: 30,
  quotaExceeded: false,
  retryAfterSeconds: null,
  serverErrorRate: 0,
  serverErrorStatus: 503,
  serverErrorNext: 0,
  latencyMs: 0,
  lostResponseRate: 0,
  lostResponseNext: 0,
  lostResponseMode: 'socket-hang-up',
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0
const isRate = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1
const checks: { [K in keyof FaultConfig]: (v: unknown) => boolean } = {
  rateLimit: (v) => v === null || (isCount(v) && (v as number) > 0),
  rateWindowSeconds: (v) => isCount(v) && (v as number) > 0,
  quotaExceeded: (v) => typeof v === 'boolean',
  retryAfterSeconds: (v) => v === null || isCount(v),
  serverErrorRate: isRate,
  serverErrorStatus: (v) => v === 500 || v === 502 || v === 503,
  serverErrorNext: isCount,
  latencyMs: isCount,
  lostResponseRate: isRate,
  lostResponseNext: isCount,
  lostResponseMode: (v) => v === 'socket-hang-up' || v === 'bad-gateway',
}

/** Problems with a partial configuration, one per bad field (empty when it is valid). */
export function validateFaults(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return ['the body must be an object of fault settings']
  return Object.entries(input).flatMap(([key, value]) => {
    const check = checks[key as keyof FaultConfig]
    if (!check) return [`${key}: unknown setting (known: ${Object.keys(checks).join(', ')})`]
    return check(value) ? [] : [`${key}: invalid value ${JSON.stringify(value)}`]
  })
}

export class FaultController {
  private config: FaultConfig
  private random: Random
  /** Accepted call times per client id, oldest first. */
  private readonly windows = new Map<string, number[]>()

  constructor(
    private readonly seed: number,
    initial: Partial<FaultConfig> = {},
  ) {
    this.config = { ...noFaults, ...initial }
    this.random = seededRandom(deriveSeed(seed, 'faults'))
  }

  get current(): FaultConfig {
    return { ...this.config }
  }

  update(partial: Partial<FaultConfig>): FaultConfig {
    this.config = { ...this.config, ...partial }
    return this.current
  }

  /** Back to the configured seed's sequence with empty windows (the configuration stays). */
  reset(config?: Partial<FaultConfig>) {
    if (config) this.config = { ...noFaults, ...config }
    this.windows.clear()
    this.random = seededRandom(deriveSeed(this.seed, 'faults'))
  }

  /** Counts the call in the client's rolling window, or says how long to wait when the window is full. */
  admit(clientId: string, now: number): { retryAfterSeconds: number } | null {
    const { rateLimit, rateWindowSeconds, retryAfterSeconds } = this.config
    if (rateLimit === null) return null
    const windowMs = rateWindowSeconds * 1000
    const calls = (this.windows.get(clientId) ?? []).filter((t) => t > now - windowMs)
    this.windows.set(clientId, calls)
    if (calls.length >= rateLimit) {
      const untilRoom = Math.ceil((calls[0]! + windowMs - now) / 1000)
      return { retryAfterSeconds: retryAfterSeconds ?? Math.max(1, untilRoom) }
    }
    calls.push(now)
    return null
  }

  serverError(): boolean {
    if (this.config.serverErrorNext > 0) {
      this.config.serverErrorNext--
      return true
    }
    return this.config.serverErrorRate > 0 && this.random.next() < this.config.serverErrorRate
  }

  lostResponse(): boolean {
    if (this.config.lostResponseNext > 0) {
      this.config.lostResponseNext--
      return true
    }
    return this.config.lostResponseRate > 0 && this.random.next() < this.config.lostResponseRate
  }
}
