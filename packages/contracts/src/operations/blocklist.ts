import {
  AddBlocklistEntryRequest,
  AddBlocklistEntryResponse,
  BlocklistEntry,
  BlocklistPage,
  BlocklistQuery,
  ExportQuery,
  UpdateBlocklistEntryRequest,
} from '../blocklist.ts'
import { ImportConfirmRequest, ImportConfirmResponse, ImportPreview, ImportPreviewRequest } from '../imports.ts'
import { fileResponse, operation, operations } from '../operation.ts'
import { IdParams } from '../pagination.ts'

const list = '/me/blocklist'

/** The caller's personal Do-Not-Play list, its import and export, under /api/v1/me/blocklist. */
export const BlocklistOperations = operations('do-not-play list', {
  listMyBlocklist: operation('GET', list, 'My list: filter by tag, search, sort by name or date added, paginate', { querystring: BlocklistQuery, response: { 200: BlocklistPage } }, [400, 401]),
  addToMyBlocklist: operation('POST', list, 'Add an artist by catalog id or provider URL (a duplicate add says so: created=false)', { body: AddBlocklistEntryRequest, response: { 200: AddBlocklistEntryResponse, 201: AddBlocklistEntryResponse } }, [400, 401, 404, 502]),
  updateMyBlocklistEntry: operation('PATCH', `${list}/:id`, 'Edit tags and note', { params: IdParams, body: UpdateBlocklistEntryRequest, response: { 200: BlocklistEntry } }, [400, 401, 404]),
  removeMyBlocklistEntry: operation('DELETE', `${list}/:id`, 'Remove an entry; returns it so the client can undo', { params: IdParams, response: { 200: BlocklistEntry } }, [400, 401, 404]),
  exportMyBlocklist: operation('GET', `${list}/export`, 'Download the list as CSV or JSON (re-importable)', { querystring: ExportQuery, response: { 200: fileResponse('The list as a file (Content-Disposition names it)', ['text/csv', 'application/json']) } }, [400, 401]),
  previewBlocklistImport: operation('POST', `${list}/imports`, 'Preview an import (CSV, plain names one per line, or JSON): each row will-add, already-listed, not-found, ambiguous, duplicate (combined into an earlier row) or invalid; 429 while the user already runs the most imports at once', { body: ImportPreviewRequest, response: { 201: ImportPreview } }, [400, 401, 413, 429]),
  getBlocklistImport: operation('GET', `${list}/imports/:id`, 'A stored import preview', { params: IdParams, response: { 200: ImportPreview } }, [400, 401, 404]),
  confirmBlocklistImport: operation('POST', `${list}/imports/:id/confirm`, 'Import the confirmed rows, all or nothing', { params: IdParams, body: ImportConfirmRequest, response: { 200: ImportConfirmResponse } }, [400, 401, 404, 409, 429]),
})
