import Type from 'typebox'
import { ActiveSessionList, ChangePasswordRequest, ChangePasswordResponse, SessionParams } from '../sessions.ts'
import { operation, operations } from '../operation.ts'

/**
 * The signed-in user's password and sessions, under /api/v1/auth so the refresh cookie (scoped to
 * that path) tells which session is the current one.
 */
export const SessionOperations = operations('sessions', {
  changePassword: operation('POST', '/auth/password', 'Change my password (the current one is required); signs out every other session', { body: ChangePasswordRequest, response: { 200: ChangePasswordResponse } }, [400, 401]),
  listSessions: operation('GET', '/auth/sessions', 'My active sessions, the current one marked', { response: { 200: ActiveSessionList } }, [401]),
  revokeSession: operation('DELETE', '/auth/sessions/:id', 'Sign out one of my sessions', { params: SessionParams, response: { 204: Type.Null() } }, [400, 401, 404]),
  signOutEverywhere: operation('POST', '/auth/sign-out-everywhere', 'Sign out every session, this one included', { response: { 204: Type.Null() } }, [401]),
})
