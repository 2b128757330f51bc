// Plain values only (the web app imports this; keep TypeBox out).

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
