import type { Db } from '../../db/database.ts'
import { AppError } from '../../lib/app-error.ts'
import * as lists from './lists/repository.ts'
import type { Visibility } from './tables.ts'

/** Everything a caller may not see answers exactly like something that does not exist. */
export const listNotFound = () => new AppError('NOT_FOUND', 'No community list with this id')

/** Public and unlisted lists are visible to anyone who has the id; private ones to the owner only. */
export const canSee = (list: { visibility: Visibility; owner_id: string | null }, userId: string) =>
  list.visibility !== 'private' || list.owner_id === userId

const requireOwner = (list: { owner_id: string | null }, userId: string) => {
  if (list.owner_id !== userId) throw new AppError('FORBIDDEN', "Only the list's owner can change it")
}

export async function visibleList(db: Db, listId: string, userId: string) {
  const list = await lists.findList(db, listId)
  if (!list || !canSee(list, userId)) throw listNotFound()
  return list
}

/** A quick ownership check before doing work (like resolving a URL) outside the transaction. */
export async function ownedList(db: Db, listId: string, userId: string) {
  const list = await visibleList(db, listId, userId)
  requireOwner(list, userId)
  return list
}

/** The owner's list, locked for the rest of the transaction. */
export async function ownedListForUpdate(trx: Db, listId: string, userId: string) {
  const list = await lists.findListForUpdate(trx, listId)
  if (!list || !canSee(list, userId)) throw listNotFound()
  requireOwner(list, userId)
  return list
}
