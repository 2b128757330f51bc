import type {
  AddCommunityListItemRequest,
  CommunityList,
  CommunityListDiff,
  CommunityListItem,
  CommunityListItemPage,
  CommunityListPage,
  CommunityListQuery,
  CommunityListVersion,
  CommunityListVersionPage,
  CreateCommunityListRequest,
  CreateReportRequest,
  EffectiveBlocklistPage,
  ListItemReport,
  ListSubscription,
  ReportPage,
  SubscribeRequest,
  SubscriptionPage,
  SubscriptionPreview,
  UpdateCommunityListItemRequest,
  UpdateCommunityListRequest,
} from '@ndith/contracts'
import type { ApiClient, DownloadedFile } from './client.ts'

export interface PageRequest {
  limit?: number
  offset?: number
}

/** Community lists, their items and versions, subscriptions and the effective blocklist. */
export interface CommunityApi {
  browse(query: CommunityListQuery, signal?: AbortSignal): Promise<CommunityListPage>
  get(listId: string, signal?: AbortSignal): Promise<CommunityList>
  create(body: CreateCommunityListRequest): Promise<CommunityList>
  update(listId: string, body: UpdateCommunityListRequest): Promise<CommunityList>
  items(listId: string, page: PageRequest, signal?: AbortSignal): Promise<CommunityListItemPage>
  addItem(listId: string, body: AddCommunityListItemRequest): Promise<CommunityListItem>
  updateItem(listId: string, artistId: string, body: UpdateCommunityListItemRequest): Promise<CommunityListItem>
  removeItem(listId: string, artistId: string): Promise<CommunityListItem>
  reportItem(listId: string, artistId: string, body: CreateReportRequest): Promise<ListItemReport>
  publish(listId: string, changelog?: string): Promise<CommunityListVersion>
  versions(listId: string, page: PageRequest, signal?: AbortSignal): Promise<CommunityListVersionPage>
  /** What `version` changed against `from` (default: the version before it; 0 = nothing). */
  diff(listId: string, version: number, from?: number, signal?: AbortSignal): Promise<CommunityListDiff>
  subscribe(listId: string, body: SubscribeRequest): Promise<ListSubscription>
  unsubscribe(listId: string): Promise<void>
  accept(listId: string, version: number): Promise<ListSubscription>
  preview(listId: string, page: PageRequest, signal?: AbortSignal): Promise<SubscriptionPreview>
  subscriptions(page: PageRequest, signal?: AbortSignal): Promise<SubscriptionPage>
  /** The reports the caller has sent, newest first, with their moderation status. */
  reports(page: PageRequest, signal?: AbortSignal): Promise<ReportPage>
  /** `source`: "personal" (my own list) or a subscribed list's id. */
  effective(query: { q?: string; source?: string } & PageRequest, signal?: AbortSignal): Promise<EffectiveBlocklistPage>
  exportEffective(format: 'csv' | 'json', source?: string): Promise<DownloadedFile>
}

const list = (id: string) => `/community-lists/${encodeURIComponent(id)}`
const item = (id: string, artistId: string) => `${list(id)}/items/${encodeURIComponent(artistId)}`

export function createCommunityApi(client: ApiClient): CommunityApi {
  return {
    browse: (query, signal) => client.get('/community-lists', { ...query }, signal),
    get: (id, signal) => client.get(list(id), {}, signal),
    create: (body) => client.send('POST', '/community-lists', body),
    update: (id, body) => client.send('PATCH', list(id), body),
    items: (id, page, signal) => client.get(`${list(id)}/items`, { ...page }, signal),
    addItem: (id, body) => client.send('POST', `${list(id)}/items`, body),
    updateItem: (id, artistId, body) => client.send('PATCH', item(id, artistId), body),
    removeItem: (id, artistId) => client.send('DELETE', item(id, artistId)),
    reportItem: (id, artistId, body) => client.send('POST', `${item(id, artistId)}/reports`, body),
    publish: (id, changelog) => client.send('POST', `${list(id)}/publish`, changelog ? { changelog } : {}),
    versions: (id, page, signal) => client.get(`${list(id)}/versions`, { ...page }, signal),
    diff: (id, version, from, signal) => client.get(`${list(id)}/versions/${version}/diff`, { from }, signal),
    subscribe: (id, body) => client.send('PUT', `${list(id)}/subscription`, body),
    unsubscribe: (id) => client.send('DELETE', `${list(id)}/subscription`),
    accept: (id, version) => client.send('POST', `${list(id)}/subscription/accept`, { version }),
    preview: (id, page, signal) => client.get(`${list(id)}/preview`, { ...page }, signal),
    subscriptions: (page, signal) => client.get('/me/subscriptions', { ...page }, signal),
    reports: (page, signal) => client.get('/me/reports', { ...page }, signal),
    effective: (query, signal) => client.get('/me/effective-blocklist', { ...query }, signal),
    exportEffective: (format, source) => client.download('/me/effective-blocklist/export', { format, source }, `effective-list.${format}`),
  }
}
