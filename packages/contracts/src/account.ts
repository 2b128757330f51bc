import Type, { type Static } from 'typebox'
import { PageQuery } from './pagination.ts'
import { ACTIVITY_KINDS } from './activity-labels.ts'
import { MAX_DISPLAY_NAME_LENGTH } from './limits.ts'
import { DateTime, Nullable, OneOf, Text } from './schemas.ts'

export const ActivityQuery = Type.Object({
  limit: PageQuery.limit,
  /** The nextCursor of the previous page. */
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
  /** Which actions: the changes that matter, sign-ins and sessions, previews, or all (the default). */
  kind: Type.Optional(OneOf(ACTIVITY_KINDS, { default: 'all' })),
})
export type ActivityQuery = Static<typeof ActivityQuery>

export const ActivityItem = Type.Object({
  id: Type.String(),
  action: Type.String({ description: 'e.g. auth.login, blocklist.entry_added' }),
  subjectType: Type.String(),
  subjectId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  createdAt: DateTime,
})
export type ActivityItem = Static<typeof ActivityItem>

export const ActivityPage = Type.Object({
  items: Type.Array(ActivityItem),
  nextCursor: Nullable(Type.String()),
})
export type ActivityPage = Static<typeof ActivityPage>

export const DeleteAccountRequest = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
)
export type DeleteAccountRequest = Static<typeof DeleteAccountRequest>

/** What others see of me: the name on my community lists (null: the generated "Listener 6a6cfc"). */
export const Profile = Type.Object({ displayName: Nullable(Type.String()) }, { $id: 'Profile' })
export type Profile = Static<typeof Profile>

export const UpdateProfileRequest = Type.Object(
  { displayName: Nullable(Text({ minLength: 1, maxLength: MAX_DISPLAY_NAME_LENGTH, description: 'null goes back to the generated name' })) },
  { additionalProperties: false },
)
export type UpdateProfileRequest = Static<typeof UpdateProfileRequest>
