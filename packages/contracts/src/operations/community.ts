import Type from 'typebox'
import { AcceptVersionRequest, AddCommunityListItemRequest, CommunityList, CommunityListDiff, CommunityListItem, CommunityListItemPage, CommunityListPage, CommunityListQuery, CommunityListVersion, CommunityListVersionDetail, CommunityListVersionPage, CommunityPageQuery, CreateCommunityListRequest, CreateReportRequest, EffectiveBlocklistExportQuery, EffectiveBlocklistPage, EffectiveBlocklistQuery, ListArtistParams, ListIdParams, ListItemReport, ListSubscription, ListVersionParams, PublishRequest, ReportIdParams, ReportPage, SubscribeRequest, SubscriptionPage, SubscriptionPreview, UpdateCommunityListItemRequest, UpdateCommunityListRequest, VersionDiffQuery } from '../community.ts'
import { fileResponse, operation, operations } from '../operation.ts'

const list = '/community-lists/:id'
const item = `${list}/items/:artistId`

/** Community lists and the caller's own community data, under /api/v1. */
export const CommunityOperations = operations('community', {
  createCommunityList: operation('POST', '/community-lists', 'Create a community list (the caller owns it)', { body: CreateCommunityListRequest, response: { 201: CommunityList } }, [400, 401]),
  browseCommunityLists: operation('GET', '/community-lists', 'Browse and search public lists (and your own)', { querystring: CommunityListQuery, response: { 200: CommunityListPage } }, [400, 401]),
  getCommunityList: operation('GET', list, 'One list with its current version, criteria, owner and counts', { params: ListIdParams, response: { 200: CommunityList } }, [400, 401, 404]),
  updateCommunityList: operation('PATCH', list, "Edit a list's details (owner only)", { params: ListIdParams, body: UpdateCommunityListRequest, response: { 200: CommunityList } }, [400, 401, 403, 404]),

  listCommunityListItems: operation('GET', `${list}/items`, "Items: the owner's working draft, everyone else's view of the current version", { params: ListIdParams, querystring: CommunityPageQuery, response: { 200: CommunityListItemPage } }, [400, 401, 404]),
  addCommunityListItem: operation('POST', `${list}/items`, 'Add an artist to the draft by id or provider URL, with a rationale (owner only)', { params: ListIdParams, body: AddCommunityListItemRequest, response: { 201: CommunityListItem } }, [400, 401, 403, 404, 409, 502]),
  updateCommunityListItem: operation('PATCH', item, "Edit a draft item's rationale or evidence (owner only)", { params: ListArtistParams, body: UpdateCommunityListItemRequest, response: { 200: CommunityListItem } }, [400, 401, 403, 404]),
  removeCommunityListItem: operation('DELETE', item, 'Remove an artist from the draft (owner only); returns it for undo', { params: ListArtistParams, response: { 200: CommunityListItem } }, [400, 401, 403, 404]),

  publishCommunityList: operation('POST', `${list}/publish`, 'Publish the draft as the next immutable version (owner only)', { params: ListIdParams, body: PublishRequest, response: { 201: CommunityListVersion } }, [400, 401, 403, 404, 409]),
  listCommunityListVersions: operation('GET', `${list}/versions`, 'Published versions, newest first', { params: ListIdParams, querystring: CommunityPageQuery, response: { 200: CommunityListVersionPage } }, [400, 401, 404]),
  getCommunityListVersion: operation('GET', `${list}/versions/:version`, 'One version and its items', { params: ListVersionParams, querystring: CommunityPageQuery, response: { 200: CommunityListVersionDetail } }, [400, 401, 404]),
  diffCommunityListVersion: operation('GET', `${list}/versions/:version/diff`, 'What a version added, removed and changed against the previous one (or ?from=)', { params: ListVersionParams, querystring: VersionDiffQuery, response: { 200: CommunityListDiff } }, [400, 401, 404]),

  subscribeToCommunityList: operation('PUT', `${list}/subscription`, 'Subscribe pinned to a version or with auto-update, or change the subscription (201 when new)', { params: ListIdParams, body: SubscribeRequest, response: { 200: ListSubscription, 201: ListSubscription } }, [400, 401, 404, 409]),
  unsubscribeFromCommunityList: operation('DELETE', `${list}/subscription`, 'Unsubscribe', { params: ListIdParams, response: { 204: Type.Null() } }, [400, 401, 404]),
  acceptCommunityListVersion: operation('POST', `${list}/subscription/accept`, 'Accept a newer version into an auto-update subscription (after viewing its diff)', { params: ListIdParams, body: AcceptVersionRequest, response: { 200: ListSubscription } }, [400, 401, 404, 409]),
  previewCommunityListSubscription: operation('GET', `${list}/preview`, 'What subscribing (at the current version) would add to your effective blocklist', { params: ListIdParams, querystring: CommunityPageQuery, response: { 200: SubscriptionPreview } }, [400, 401, 404, 409]),
  listMySubscriptions: operation('GET', '/me/subscriptions', 'Your subscriptions, with pending updates to review', { querystring: CommunityPageQuery, response: { 200: SubscriptionPage } }, [400, 401]),
  getMyEffectiveBlocklist: operation('GET', '/me/effective-blocklist', 'Your personal list ∪ subscribed lists at their pinned or accepted versions, with sources', { querystring: EffectiveBlocklistQuery, response: { 200: EffectiveBlocklistPage } }, [400, 401]),
  exportMyEffectiveBlocklist: operation('GET', '/me/effective-blocklist/export', 'Download the effective list (or one source of it) as CSV or JSON, with sources', { querystring: EffectiveBlocklistExportQuery, response: { 200: fileResponse('The effective list as a file (Content-Disposition names it)', ['text/csv', 'application/json']) } }, [400, 401]),

  reportCommunityListItem: operation('POST', `${item}/reports`, 'Report a list item for moderation', { params: ListArtistParams, body: CreateReportRequest, response: { 201: ListItemReport } }, [400, 401, 404]),
  listMyReports: operation('GET', '/me/reports', 'Reports you filed, newest first', { querystring: CommunityPageQuery, response: { 200: ReportPage } }, [400, 401]),
  getMyReport: operation('GET', '/me/reports/:id', 'One of your reports', { params: ReportIdParams, response: { 200: ListItemReport } }, [400, 401, 404]),
})
