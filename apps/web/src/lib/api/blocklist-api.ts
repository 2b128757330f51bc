import type {
  AddBlocklistEntryRequest,
  AddBlocklistEntryResponse,
  BlocklistEntry,
  BlocklistPage,
  BlocklistQuery,
  ImportConfirmRequest,
  ImportConfirmResponse,
  ImportPreview,
  ImportPreviewRequest,
  UpdateBlocklistEntryRequest,
} from '@ndith/contracts'
import type { ApiClient, DownloadedFile } from './client.ts'

export type ExportFormat = 'csv' | 'json'

/** The signed-in user's personal Do-Not-Play list, its import and export. */
export interface BlocklistApi {
  list(query: BlocklistQuery, signal?: AbortSignal): Promise<BlocklistPage>
  add(body: AddBlocklistEntryRequest): Promise<AddBlocklistEntryResponse>
  update(entryId: string, body: UpdateBlocklistEntryRequest): Promise<BlocklistEntry>
  /** Resolves with the removed entry, which is what undo re-adds. */
  remove(entryId: string): Promise<BlocklistEntry>
  exportFile(format: ExportFormat): Promise<DownloadedFile>
  previewImport(body: ImportPreviewRequest): Promise<ImportPreview>
  confirmImport(importId: string, body: ImportConfirmRequest): Promise<ImportConfirmResponse>
}

const BASE = '/me/blocklist'
const entry = (id: string) => `${BASE}/${encodeURIComponent(id)}`

export function createBlocklistApi(client: ApiClient): BlocklistApi {
  return {
    list: (query, signal) => client.get(BASE, { ...query }, signal),
    add: (body) => client.send('POST', BASE, body),
    update: (id, body) => client.send('PATCH', entry(id), body),
    remove: (id) => client.send('DELETE', entry(id)),
    exportFile: (format) => client.download(`${BASE}/export`, { format }, `do-not-play.${format}`),
    previewImport: (body) => client.send('POST', `${BASE}/imports`, body),
    confirmImport: (id, body) => client.send('POST', `${BASE}/imports/${encodeURIComponent(id)}/confirm`, body),
  }
}
