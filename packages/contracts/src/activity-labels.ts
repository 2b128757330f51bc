// Plain values only (the web app imports this; keep TypeBox out).

/** Human wording for each audited action, shared by the Activity page and exports. */
export const ACTIVITY_LABELS: Record<string, string> = {
  'auth.register': 'Created the account',
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed sign-in attempt',
  'auth.logout': 'Signed out',
  'auth.refresh': 'Session renewed',
  'auth.refresh_reuse_detected': 'Signed out everywhere: a session token was re-used',
  'auth.password_changed': 'Changed the password (other sessions signed out)',
  'auth.session_revoked': 'Signed out a session',
  'auth.signed_out_everywhere': 'Signed out everywhere',
  'blocklist.entry_added': 'Added an artist to the list',
  'blocklist.entry_updated': 'Edited a list entry',
  'blocklist.entry_removed': 'Removed an artist from the list',
  'blocklist.import_previewed': 'Previewed an import',
  'blocklist.imported': 'Imported artists',
  'account.exported': 'Exported account data',
  'account.display_name_changed': 'Changed the name shown on community lists',
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
  'connection.authorization_started': 'Started connecting a streaming account',
  'connection.connected': 'Connected a streaming account',
  'connection.disconnected': 'Disconnected a streaming account',
  'connection.needs_reauth': 'A streaming account asked to be connected again',
  'connection.tokens_reencrypted': 'Streaming tokens re-encrypted with a new key',
  'library.scan_started': 'Started a library scan',
  'enforcement.options_updated': 'Changed enforcement options',
  'enforcement.planned': 'Previewed what enforcement would remove',
  'enforcement.run_started': 'Started removing listed artists from a library',
  'enforcement.rollback_started': 'Started putting back what a run removed',
  'enforcement.keep_enforced_updated': 'Turned keeping a streaming account enforced on or off',
  'enforcement.auto_run_started': 'Started removing newly listed artists automatically (kept enforced)',
  'enforcement.auto_run_refused': 'Could not remove newly listed artists automatically',
}

/**
 * What the Activity page can show: the changes that matter (the default), sign-ins and sessions,
 * previews (an import or enforcement looked at, nothing changed), or everything.
 */
export const ACTIVITY_KINDS = ['changes', 'sign-ins', 'previews', 'all'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  changes: 'Changes',
  'sign-ins': 'Sign-ins and sessions',
  previews: 'Previews',
  all: 'Everything',
}

/** Audited actions that only looked (nothing changed). */
export const PREVIEW_ACTIONS: readonly string[] = ['blocklist.import_previewed', 'enforcement.planned']
/**
 * Sign-ins, sign-outs, failed attempts and sessions ending: frequent, and not a change to the account.
 * Creating the account and changing its password stay among the changes.
 */
export const SIGN_IN_ACTIONS: readonly string[] = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh',
  'auth.refresh_reuse_detected',
  'auth.session_revoked',
  'auth.signed_out_everywhere',
]

export function activityKindOf(action: string): Exclude<ActivityKind, 'all'> {
  if (SIGN_IN_ACTIONS.includes(action)) return 'sign-ins'
  return PREVIEW_ACTIONS.includes(action) ? 'previews' : 'changes'
}
