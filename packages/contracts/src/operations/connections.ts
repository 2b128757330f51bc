import Type from 'typebox'
import { ConnectionCallbackQuery, ConnectionIdParams, ConnectionLibrary, ConnectionsOverview, LibraryScan, StartConnectionRequest, StartConnectionResponse } from '../connections.ts'
import { operation, operations } from '../operation.ts'

/** Streaming accounts: connect (authorization code with PKCE), disconnect, scan the library. */
export const ConnectionOperations = operations('connections', {
  listConnections: operation('GET', '/me/connections', 'My streaming accounts and what can be connected', { response: { 200: ConnectionsOverview } }, [401]),
  startConnection: operation('POST', '/me/connections', "Start connecting an account: returns the provider's consent page", { body: StartConnectionRequest, response: { 201: StartConnectionResponse } }, [400, 401, 503]),
  finishConnection: operation(
    'GET',
    '/connections/callback',
    'Where the provider sends the browser back (the redirect URI); redirects to the app',
    { querystring: ConnectionCallbackQuery, response: { 303: Type.Null({ description: 'To the Connections page, saying how it went' }) }, security: [] },
    [400],
  ),
  disconnect: operation('DELETE', '/me/connections/:id', 'Disconnect an account: its tokens are deleted', { params: ConnectionIdParams, response: { 204: Type.Null() } }, [400, 401, 404]),
  startLibraryScan: operation('POST', '/me/connections/:id/scans', "Scan the account's library in the background", { params: ConnectionIdParams, response: { 202: LibraryScan } }, [400, 401, 404, 409]),
  getLibrary: operation('GET', '/me/connections/:id/library', "The latest scan's progress and the library's summary", { params: ConnectionIdParams, response: { 200: ConnectionLibrary } }, [400, 401, 404]),
})
