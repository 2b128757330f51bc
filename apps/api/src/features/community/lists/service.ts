import { pageWindow, type CommunityList, type CommunityListPage, type CommunityListQuery, type CreateCommunityListRequest, type UpdateCommunityListRequest } from '@ndith/contracts'
import type { Db } from '../../../db/database.ts'
import { validationError } from '../../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../../audit/audit-log.ts'
import { canSee, listNotFound, ownedListForUpdate } from '../access.ts'
import * as repo from './repository.ts'
import { loadPage } from '../../../db/paging.ts'
import { toCommunityList } from '../mapping.ts'
import type { CommunityListsTable } from '../tables.ts'
import type { Updateable } from 'kysely'

type ListText = Pick<CreateCommunityListRequest, 'name' | 'criteria' | 'description'>

/** Trims text fields; a name or criteria of only spaces is as missing as an empty one. */
function normalizeText<T extends Partial<ListText>>(input: T): T {
  const out = { ...input }
  const fields = []
  for (const key of ['name', 'criteria', 'description'] as const) {
    const value = out[key]
    if (value === undefined) continue
    out[key] = value.trim()
    if (key !== 'description' && out[key] === '') fields.push({ field: key, code: 'min-length', message: 'This field is required' })
  }
  if (fields.length) throw validationError(fields)
  return out
}

/** What an audit row keeps of a list (its public fields). */
const auditView = (row: { name: string; description: string; criteria: string; update_cadence: string; visibility: string }) => ({
  name: row.name,
  description: row.description,
  criteria: row.criteria,
  updateCadence: row.update_cadence,
  visibility: row.visibility,
})

export function communityListsService(db: Db, clock: () => Date) {
  async function get(userId: string, listId: string, trx: Db = db): Promise<CommunityList> {
    const row = await repo.findListSummary(trx, userId, listId)
    if (!row || !canSee(row, userId)) throw listNotFound()
    return toCommunityList(row, userId)
  }

  return {
    get,

    async browse(userId: string, query: CommunityListQuery): Promise<CommunityListPage> {
      const fetch = (limit: number, offset: number) => repo.browseLists(db, userId, { q: query.q, mine: query.mine, limit, offset })
      return loadPage(fetch, (row) => toCommunityList(row, userId), pageWindow(query))
    },

    async create(userId: string, input: CreateCommunityListRequest, ctx: RequestContext): Promise<CommunityList> {
      const text = normalizeText(input)
      const now = clock()
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertList(trx, {
          owner_id: userId,
          name: text.name,
          description: text.description ?? '',
          criteria: text.criteria,
          update_cadence: input.updateCadence ?? 'ad_hoc',
          visibility: input.visibility ?? 'public',
          created_at: now,
          updated_at: now,
        })
        await recordAudit(trx, ctx, { actorId: userId, action: 'community_list.created', subjectType: 'community_list', subjectId: row.id, after: auditView(row) })
        return get(userId, row.id, trx)
      })
    },

    async update(userId: string, listId: string, input: UpdateCommunityListRequest, ctx: RequestContext): Promise<CommunityList> {
      const text = normalizeText(input)
      return db.transaction().execute(async (trx) => {
        const before = await ownedListForUpdate(trx, listId, userId)
        const changes: Updateable<CommunityListsTable> = {
          ...(text.name !== undefined ? { name: text.name } : {}),
          ...(text.description !== undefined ? { description: text.description } : {}),
          ...(text.criteria !== undefined ? { criteria: text.criteria } : {}),
          ...(input.updateCadence !== undefined ? { update_cadence: input.updateCadence } : {}),
          ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
        }
        const after = await repo.updateList(trx, listId, { ...changes, updated_at: clock() })
        await recordAudit(trx, ctx, {
          actorId: userId,
          action: 'community_list.updated',
          subjectType: 'community_list',
          subjectId: listId,
          before: auditView(before),
          after: auditView(after),
        })
        return get(userId, listId, trx)
      })
    },
  }
}

export type CommunityListsService = ReturnType<typeof communityListsService>
