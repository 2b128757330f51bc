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

/** Human wording for each audited action, shared by the Activity page and exports. */
export const ACTIVITY_LABELS: Record<string, string> = {
  'auth.register': 'Created the account',
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed sign-in attempt',
  'auth.logout': 'Signed out',
  'auth.refresh': 'Session renewed',
  'auth.refresh_reuse_detected': 'Signed out everywhere: a session token was re-used',
  'blocklist.entry_added': 'Added an artist to the list',
  'blocklist.entry_updated': 'Edited a list entry',
  'blocklist.entry_removed': 'Removed an artist from the list',
  'blocklist.import_previewed': 'Previewed an import',
  'blocklist.imported': 'Imported artists',
  'account.exported': 'Exported account data',
  'account.deleted': 'Deleted the account',
  'community_list.created': 'Created a community list',
  'community_list.updated': 'Edited a community list',
  'community_list.item_added': 'Added an artist to a community list',
  'community_list.item_updated': 'Edited a community list entry',
  'community_list.item_removed': 'Removed an artist from a community list',
  'community_list.published': 'Published a community list version',
  'community_list.item_reported': 'Reported a community list entry',
  'subscription.created': 'Subscribed to a community list',
  'subscription.updated': 'Changed a subscription',
  'subscription.accepted': 'Accepted a community list update',
  'subscription.removed': 'Unsubscribed from a community list',
}
