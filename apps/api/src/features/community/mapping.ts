import type { CommunityList, CommunityListItem, CommunityListVersion, ListItemReport, ListSubscription } from '@ndith/contracts'
import { toArtist, type ArtistColumns } from '../artists/mapping.ts'
import type { UpdateCadence, Visibility } from './tables.ts'

/**
 * What others see instead of an owner's email. Derived from the id until users get a chosen
 * display name; stable and not reversible to the email.
 */
export const displayName = (userId: string) => `Listener ${userId.replaceAll('-', '').slice(0, 6)}`

export interface SubscriptionRow {
  list_id: string
  list_name: string
  pinned_version: number | null
  accepted_version: number
  /** The newest version the subscriber may know about. */
  latest_version: number
  created_at: Date
  updated_at: Date
}

export function toSubscription(row: SubscriptionRow): ListSubscription {
  const pinned = row.pinned_version !== null
  const effective = row.pinned_version ?? row.accepted_version
  return {
    listId: row.list_id,
    listName: row.list_name,
    mode: pinned ? 'pinned' : 'auto',
    pinnedVersion: row.pinned_version,
    acceptedVersion: row.accepted_version,
    effectiveVersion: effective,
    latestVersion: Math.max(row.latest_version, effective),
    pendingUpdate: !pinned && row.latest_version > row.accepted_version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

export interface ListSummaryRow {
  id: string
  owner_id: string | null
  /** The owner's chosen name, when they set one. */
  owner_display_name: string | null
  name: string
  description: string
  criteria: string
  update_cadence: UpdateCadence
  visibility: Visibility
  current_version: number | null
  created_at: Date
  updated_at: Date
  item_count: number | null
  subscriber_count: number | null
  pinned_version: number | null
  accepted_version: number | null
  subscribed_at: Date | null
  subscription_updated_at: Date | null
  draft_item_count: number | null
  draft_changed: boolean | null
}

export function toCommunityList(row: ListSummaryRow, viewerId: string): CommunityList {
  const isOwner = row.owner_id === viewerId
  const subscribed = row.accepted_version !== null && row.subscribed_at !== null && row.subscription_updated_at !== null
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    criteria: row.criteria,
    updateCadence: row.update_cadence,
    visibility: row.visibility,
    owner: row.owner_id ? { id: row.owner_id, displayName: row.owner_display_name ?? displayName(row.owner_id) } : null,
    currentVersion: row.current_version,
    itemCount: Number(row.item_count ?? 0),
    subscriberCount: Number(row.subscriber_count ?? 0),
    isOwner,
    mySubscription: subscribed
      ? toSubscription({
          list_id: row.id,
          list_name: row.name,
          pinned_version: row.pinned_version,
          accepted_version: row.accepted_version!,
          latest_version: row.current_version ?? 0,
          created_at: row.subscribed_at!,
          updated_at: row.subscription_updated_at!,
        })
      : null,
    draft: isOwner ? { itemCount: Number(row.draft_item_count ?? 0), hasUnpublishedChanges: Boolean(row.draft_changed) } : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

export type ItemRow = ArtistColumns & { rationale: string; evidence_url: string | null; added_at: Date }

export const toItem = (row: ItemRow): CommunityListItem => ({
  artist: toArtist(row),
  rationale: row.rationale,
  evidenceUrl: row.evidence_url,
  addedAt: row.added_at.toISOString(),
})

export interface VersionRow {
  list_id: string
  version: number
  changelog: string | null
  item_count: number
  published_at: Date
}

export const toVersion = (row: VersionRow): CommunityListVersion => ({
  listId: row.list_id,
  version: row.version,
  changelog: row.changelog,
  itemCount: row.item_count,
  publishedAt: row.published_at.toISOString(),
})

export type ReportRow = ArtistColumns & {
  report_id: string
  list_id: string
  list_name: string
  reason: ListItemReport['reason']
  details: string
  status: ListItemReport['status']
  created_at: Date
}

export const toReport = (row: ReportRow): ListItemReport => ({
  id: row.report_id,
  listId: row.list_id,
  listName: row.list_name,
  artist: toArtist(row),
  reason: row.reason,
  details: row.details,
  status: row.status,
  createdAt: row.created_at.toISOString(),
})
