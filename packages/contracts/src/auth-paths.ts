// Plain values only (the web app imports this; keep TypeBox out).

/** Name of the cookie carrying the refresh token (httpOnly, SameSite=Strict, path-scoped). */
export const REFRESH_COOKIE = 'ndith_refresh'
export const AUTH_BASE_PATH = '/api/v1/auth'
/** A readable cookie (value "1", path /) that lives as long as the refresh cookie: a refresh can succeed. */
export const SESSION_HINT_COOKIE = 'ndith_session'
/** Every operation but the probes lives under this path; the contract's operation paths hang off it. */
export const API_BASE_PATH = '/api/v1'
