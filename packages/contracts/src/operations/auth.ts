import Type from 'typebox'
import { LoginRequest, MeResponse, RegisterRequest, Session } from '../auth.ts'
import { HealthResponse, ReadyResponse } from '../health.ts'
import { operation, operations } from '../operation.ts'

/** Accounts and sessions, under /api/v1/auth. The first four need no bearer token. */
export const AuthOperations = operations('auth', {
  register: operation('POST', '/auth/register', 'Create an account and sign in', { body: RegisterRequest, response: { 201: Session }, security: [] }, [400, 409, 429]),
  login: operation('POST', '/auth/login', 'Sign in with email and password', { body: LoginRequest, response: { 200: Session }, security: [] }, [400, 401, 429]),
  refreshSession: operation('POST', '/auth/refresh', 'Rotate the refresh cookie and get a new access token', { response: { 200: Session }, security: [{ refreshCookie: [] }] }, [401]),
  logout: operation('POST', '/auth/logout', 'Sign out: revoke this session (signed out already is fine too)', { response: { 204: Type.Null() }, security: [] }, [400]),
  getCurrentUser: operation('GET', '/auth/me', 'The signed-in user', { response: { 200: MeResponse }, security: [{ bearerAuth: [] }] }, [401]),
})

/** The orchestrator's probes, at the root (not under /api/v1): no input, no token, never a 4xx. */
export const HealthOperations = operations('health', {
  getHealth: operation('GET', '/health', 'Liveness: the process is up', { response: { 200: HealthResponse }, security: [] }),
  getReadiness: operation('GET', '/ready', 'Readiness: Postgres, the schema and Redis answer', { response: { 200: ReadyResponse, 503: ReadyResponse }, security: [] }),
})
