/** Postgres SQLSTATE 23505; node-postgres and PGlite both expose it as `code`. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}

// Postgres is away or refusing work for a while (not a bug in the request): class 08 (connection
// exception), 53300 too many connections, 57P01-57P03 admin/crash shutdown and "starting up",
// 57014 a statement cancelled by the statement timeout (the database too busy to answer in time).
const UNAVAILABLE_SQLSTATES = /^(08...|53300|57014|57P0[123])$/
// Socket-level codes from node-postgres when the server cannot be reached or went away.
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])
// node-postgres and pg-pool say these in words only (no code).
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Cannot use a pool after calling end on the pool',
]

/**
 * True when a database error means "the database is unavailable right now" (stopped, restarting,
 * unreachable, or the pool could not hand out a connection in time): the answer is 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))
}

/** One log line's worth of a database error: its code and message, never the client object. */
export function describeDatabaseError(error: unknown): { code?: string; reason: string } {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  return { ...(typeof code === 'string' ? { code } : {}), reason: typeof message === 'string' ? message : String(error) }
}
