// Community lists: schemas for requests and responses (see features/community in the API).
import Type, { type Static } from 'typebox'
import { Artist } from './artists.ts'
import { Page, PageQuery } from './pagination.ts'
import { DateTime, FILE_FORMATS, Nullable, OneOf, Text, Uuid } from './schemas.ts'
import { MAX_LIST_NAME_LENGTH, MAX_LIST_TEXT_LENGTH, MAX_RATIONALE_LENGTH, MAX_EVIDENCE_URL_LENGTH } from './limits.ts'

const VersionNumber = Type.Integer({ minimum: 1, maximum: 1_000_000 })

export const UpdateCadence = OneOf(['ad_hoc', 'weekly', 'monthly', 'quarterly'])
export type UpdateCadence = Static<typeof UpdateCadence>
export const ListVisibility = OneOf(['public', 'unlisted', 'private'], {
  description: 'public: browsable; unlisted: visible to anyone with the id; private: the owner only',
})
export type ListVisibility = Static<typeof ListVisibility>
export const SubscriptionMode = OneOf(['pinned', 'auto'])
export type SubscriptionMode = Static<typeof SubscriptionMode>
export const ReportReason = OneOf(['inaccurate', 'no_evidence', 'harassment', 'duplicate', 'other'])
export type ReportReason = Static<typeof ReportReason>
export const ReportStatus = OneOf(['open', 'resolved', 'dismissed'])
export type ReportStatus = Static<typeof ReportStatus>

// ---- Lists ----

/** A list's owner as others see them: never their email. */
export const ListOwner = Type.Object({ id: Uuid, displayName: Type.String() })
export type ListOwner = Static<typeof ListOwner>

export const ListSubscription = Type.Object({
  listId: Uuid,
  listName: Type.String(),
  mode: SubscriptionMode,
  pinnedVersion: Nullable(Type.Integer()),
  acceptedVersion: Type.Integer(),
  /** The version that counts in the effective blocklist (pinned, or accepted for auto-update). */
  effectiveVersion: Type.Integer(),
  latestVersion: Type.Integer(),
  /** Auto-update only: a newer version exists that the subscriber has not accepted yet. */
  pendingUpdate: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type ListSubscription = Static<typeof ListSubscription>

export const CommunityList = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  criteria: Type.String(),
  updateCadence: UpdateCadence,
  visibility: ListVisibility,
  owner: Nullable(ListOwner),
  currentVersion: Nullable(Type.Integer()),
  /** Items in the current published version (0 before the first publish). */
  itemCount: Type.Integer(),
  subscriberCount: Type.Integer(),
  isOwner: Type.Boolean(),
  mySubscription: Nullable(ListSubscription),
  /** The owner's working draft; null for everyone else. */
  draft: Nullable(Type.Object({ itemCount: Type.Integer(), hasUnpublishedChanges: Type.Boolean() })),
  createdAt: DateTime,
  updatedAt: DateTime,
})
export type CommunityList = Static<typeof CommunityList>

const ListName = Text({ minLength: 1, maxLength: MAX_LIST_NAME_LENGTH })
const Description = Text({ maxLength: MAX_LIST_TEXT_LENGTH })
const Criteria = Text({ minLength: 1, maxLength: MAX_LIST_TEXT_LENGTH, description: 'What earns an artist a place on this list' })

export const CreateCommunityListRequest = Type.Object(
  {
    name: ListName,
    description: Type.Optional(Description),
    criteria: Criteria,
    updateCadence: Type.Optional(UpdateCadence),
    visibility: Type.Optional(ListVisibility),
  },
  { additionalProperties: false },
)
export type CreateCommunityListRequest = Static<typeof CreateCommunityListRequest>

export const UpdateCommunityListRequest = Type.Object(
  {
    name: Type.Optional(ListName),
    description: Type.Optional(Description),
    criteria: Type.Optional(Criteria),
    updateCadence: Type.Optional(UpdateCadence),
    visibility: Type.Optional(ListVisibility),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateCommunityListRequest = Static<typeof UpdateCommunityListRequest>

export const CommunityListQuery = Type.Object({
  q: Type.Optional(Text({ maxLength: 200, description: 'Typo-tolerant on the name; words in the description or criteria match too (ranked below name matches)' })),
  mine: Type.Optional(Type.Boolean({ description: 'Only lists the caller owns' })),
  ...PageQuery,
})
export type CommunityListQuery = Static<typeof CommunityListQuery>

export const CommunityListPage = Page(CommunityList)
export type CommunityListPage = Static<typeof CommunityListPage>

/** limit/offset for the community endpoints that take nothing else. */
export const CommunityPageQuery = Type.Object({ ...PageQuery })
export type CommunityPageQuery = Static<typeof CommunityPageQuery>

export const ListIdParams = Type.Object({ id: Uuid })
export const ListArtistParams = Type.Object({ id: Uuid, artistId: Uuid })
export const ListVersionParams = Type.Object({ id: Uuid, version: VersionNumber })
export type ListVersionParams = Static<typeof ListVersionParams>

// ---- Items ----

export const CommunityListItem = Type.Object({
  artist: Artist,
  rationale: Type.String(),
  evidenceUrl: Nullable(Type.String()),
  /** When it joined the list (published versions keep the draft's time). */
  addedAt: DateTime,
})
export type CommunityListItem = Static<typeof CommunityListItem>

/** Add by catalog id or by a provider URL (exactly one), always with a rationale. */
export const AddCommunityListItemRequest = Type.Object(
  {
    artistId: Type.Optional(Uuid),
    url: Type.Optional(Text({ minLength: 1, maxLength: 2000 })),
    rationale: Text({ minLength: 1, maxLength: MAX_RATIONALE_LENGTH }),
    evidenceUrl: Type.Optional(Text({ minLength: 1, maxLength: MAX_EVIDENCE_URL_LENGTH, description: 'An http(s) link' })),
  },
  { additionalProperties: false },
)
export type AddCommunityListItemRequest = Static<typeof AddCommunityListItemRequest>

/** Edit a draft item's rationale or evidence (null removes the evidence link). */
export const UpdateCommunityListItemRequest = Type.Object(
  {
    rationale: Type.Optional(Text({ minLength: 1, maxLength: MAX_RATIONALE_LENGTH })),
    evidenceUrl: Type.Optional(Nullable(Text({ minLength: 1, maxLength: MAX_EVIDENCE_URL_LENGTH }))),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateCommunityListItemRequest = Static<typeof UpdateCommunityListItemRequest>

export const CommunityListItemPage = Type.Object({
  ...Page(CommunityListItem).properties,
  /** The published version shown, or null when this is the owner's draft. */
  version: Nullable(Type.Integer()),
  draft: Type.Boolean(),
})
export type CommunityListItemPage = Static<typeof CommunityListItemPage>

// ---- Versions ----

export const PublishRequest = Type.Object(
  { changelog: Type.Optional(Text({ maxLength: MAX_LIST_TEXT_LENGTH })) },
  { additionalProperties: false },
)
export type PublishRequest = Static<typeof PublishRequest>

export const CommunityListVersion = Type.Object({
  listId: Uuid,
  version: Type.Integer(),
  changelog: Nullable(Type.String()),
  itemCount: Type.Integer(),
  publishedAt: DateTime,
})
export type CommunityListVersion = Static<typeof CommunityListVersion>

export const CommunityListVersionPage = Page(CommunityListVersion)
export type CommunityListVersionPage = Static<typeof CommunityListVersionPage>

export const CommunityListVersionDetail = Type.Object({ version: CommunityListVersion, ...Page(CommunityListItem).properties })
export type CommunityListVersionDetail = Static<typeof CommunityListVersionDetail>

export const VersionDiffQuery = Type.Object({
  from: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Compare against this version (default: the previous one; 0 = empty)' })),
})
export type VersionDiffQuery = Static<typeof VersionDiffQuery>

const ItemText = Type.Object({ rationale: Type.String(), evidenceUrl: Nullable(Type.String()) })
export const CommunityListDiff = Type.Object({
  listId: Uuid,
  version: Type.Integer(),
  /** The version compared against; 0 means "nothing" (the first version's diff). */
  fromVersion: Type.Integer(),
  added: Type.Array(CommunityListItem),
  removed: Type.Array(CommunityListItem),
  changed: Type.Array(Type.Object({ artist: Artist, before: ItemText, after: ItemText })),
})
export type CommunityListDiff = Static<typeof CommunityListDiff>

// ---- Subscriptions ----

export const SubscribeRequest = Type.Object(
  {
    mode: SubscriptionMode,
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'pinned only; defaults to the current version' })),
  },
  { additionalProperties: false },
)
export type SubscribeRequest = Static<typeof SubscribeRequest>

export const AcceptVersionRequest = Type.Object({ version: VersionNumber }, { additionalProperties: false })
export type AcceptVersionRequest = Static<typeof AcceptVersionRequest>

export const SubscriptionPage = Page(ListSubscription)
export type SubscriptionPage = Static<typeof SubscriptionPage>

export const SubscriptionPreview = Type.Object({
  ...Page(CommunityListItem).properties,
  listId: Uuid,
  version: Type.Integer(),
  itemCount: Type.Integer(),
  /** Items the effective blocklist does not have yet (the same number as `total`). */
  addedCount: Type.Integer(),
  /** Items already blocked personally or by a subscribed list. */
  alreadyCoveredCount: Type.Integer(),
})
export type SubscriptionPreview = Static<typeof SubscriptionPreview>

// ---- Effective blocklist ----

export const EffectiveSource = Type.Union([
  Type.Object({ type: Type.Literal('personal') }),
  Type.Object({ type: Type.Literal('list'), listId: Uuid, listName: Type.String(), version: Type.Integer() }),
])
export type EffectiveSource = Static<typeof EffectiveSource>

export const EffectiveEntry = Type.Object({ artist: Artist, sources: Type.Array(EffectiveSource, { minItems: 1 }) })
export type EffectiveEntry = Static<typeof EffectiveEntry>

/** Only the artists from one source: "personal" (my own list) or a subscribed list's id. */
export const EffectiveSourceFilter = Type.Union([Type.Literal('personal'), Uuid], { description: '"personal" or a subscribed list id' })

export const EffectiveBlocklistQuery = Type.Object({ q: Type.Optional(Text({ maxLength: 200 })), source: Type.Optional(EffectiveSourceFilter), ...PageQuery })
export type EffectiveBlocklistQuery = Static<typeof EffectiveBlocklistQuery>

export const EffectiveBlocklistExportQuery = Type.Object({ format: Type.Optional(OneOf(FILE_FORMATS, { default: 'json' })), source: Type.Optional(EffectiveSourceFilter) })
export type EffectiveBlocklistExportQuery = Static<typeof EffectiveBlocklistExportQuery>

/** How many artists each source contributes to the whole effective list (whatever the search or filter). */
export const EffectiveSourceCount = Type.Object({ source: EffectiveSource, count: Type.Integer({ minimum: 0 }) })
export type EffectiveSourceCount = Static<typeof EffectiveSourceCount>

export const EffectiveBlocklistPage = Type.Object({
  ...Page(EffectiveEntry).properties,
  /** Artists in the whole effective list, whatever the search or source filter. */
  allTotal: Type.Integer({ minimum: 0 }),
  bySource: Type.Array(EffectiveSourceCount),
})
export type EffectiveBlocklistPage = Static<typeof EffectiveBlocklistPage>

// ---- Reports ----

export const CreateReportRequest = Type.Object(
  {
    reason: ReportReason,
    details: Type.Optional(Text({ maxLength: MAX_LIST_TEXT_LENGTH, description: 'Required when the reason is "other"' })),
  },
  { additionalProperties: false },
)
export type CreateReportRequest = Static<typeof CreateReportRequest>

export const ListItemReport = Type.Object({
  id: Uuid,
  listId: Uuid,
  listName: Type.String(),
  artist: Artist,
  reason: ReportReason,
  details: Type.String(),
  status: ReportStatus,
  createdAt: DateTime,
})
export type ListItemReport = Static<typeof ListItemReport>

export const ReportIdParams = Type.Object({ id: Uuid })
export const ReportPage = Page(ListItemReport)
export type ReportPage = Static<typeof ReportPage>
