import Type, { type Static } from 'typebox'

export const ActivityQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  /** The nextCursor of the previous page. */
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
})
export type ActivityQuery = Static<typeof ActivityQuery>

export const ActivityItem = Type.Object({
  id: Type.String(),
  action: Type.String({ description: 'e.g. auth.login, blocklist.entry_added' }),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
})
export type ActivityItem = Static<typeof ActivityItem>

export const ActivityPage = Type.Object({
  items: Type.Array(ActivityItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})
export type ActivityPage = Static<typeof ActivityPage>

export const DeleteAccountRequest = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
)
export type DeleteAccountRequest = Static<typeof DeleteAccountRequest>
