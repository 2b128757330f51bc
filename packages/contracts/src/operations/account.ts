import Type from 'typebox'
import { ActivityPage, ActivityQuery, DeleteAccountRequest, Profile, UpdateProfileRequest } from '../account.ts'
import { fileResponse, operation, operations } from '../operation.ts'

/** The signed-in user's own account, data and activity, under /api/v1/me. */
export const AccountOperations = operations('account', {
  exportMyData: operation('GET', '/me/export', 'Download all of my data as JSON', { response: { 200: fileResponse('Everything stored about me, as a JSON file', ['application/json']) } }, [401]),
  deleteMyAccount: operation('DELETE', '/me', 'Delete my account (re-enter the password)', { body: DeleteAccountRequest, response: { 204: Type.Null() } }, [400, 401]),
  getMyProfile: operation('GET', '/me/profile', 'What others see of me (the name on my community lists)', { response: { 200: Profile } }, [401]),
  updateMyProfile: operation('PUT', '/me/profile', 'Set or clear the name shown on my community lists', { body: UpdateProfileRequest, response: { 200: Profile } }, [400, 401]),
  listMyActivity: operation('GET', '/me/activity', 'My activity, newest first', { querystring: ActivityQuery, response: { 200: ActivityPage } }, [400, 401]),
})
