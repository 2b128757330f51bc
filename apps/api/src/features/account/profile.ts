import type { Profile, UpdateProfileRequest } from '@ndith/contracts'
import type { Db } from '../../db/database.ts'
import { AppError, validationError } from '../../lib/app-error.ts'
import { recordAudit, type RequestContext } from '../audit/audit-log.ts'

/** What others see of a user: the name on their community lists. */
export function profileService(db: Db, clock: () => Date) {
  const read = async (trx: Db, userId: string) => {
    const row = await trx.selectFrom('users').select('display_name').where('id', '=', userId).forUpdate().executeTakeFirst()
    if (!row) throw new AppError('UNAUTHENTICATED')
    return row.display_name
  }
  return {
    async get(userId: string): Promise<Profile> {
      return { displayName: await read(db, userId) }
    },

    async update(userId: string, input: UpdateProfileRequest, ctx: RequestContext): Promise<Profile> {
      // Inner runs of spaces become one; a name of spaces only is no name.
      const displayName = input.displayName === null ? null : input.displayName.trim().replace(/\s+/g, ' ')
      if (displayName === '') throw validationError([{ field: 'displayName', code: 'blank', message: 'Enter a name, or clear it to use the generated one' }])
      return db.transaction().execute(async (trx) => {
        const before = await read(trx, userId)
        if (before === displayName) return { displayName }
        await trx.updateTable('users').set({ display_name: displayName, updated_at: clock() }).where('id', '=', userId).execute()
        await recordAudit(trx, ctx, { actorId: userId, action: 'account.display_name_changed', subjectType: 'user', subjectId: userId, before: { displayName: before }, after: { displayName } })
        return { displayName }
      })
    },
  }
}

export type ProfileService = ReturnType<typeof profileService>
