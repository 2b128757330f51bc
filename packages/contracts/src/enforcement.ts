import Type, { type Static } from 'typebox'
import { EffectiveSource } from './community.ts'
import { PLAN_ACTION_KINDS, PLAN_CATEGORIES, RUN_ITEM_KINDS, ROLLBACK_ISSUES, RUN_ITEM_STATUSES, RUN_KINDS, RUN_STATUSES, SKIP_CODES } from './enforcement-labels.ts'
import { Page, PageQuery } from './pagination.ts'
import { DateTime, Nullable, OneOf, Uuid } from './schemas.ts'


const LIBRARY_ITEM_KINDS = ['saved_track', 'saved_album', 'followed_artist', 'playlist_item'] as const
const Uri = Type.String({ minLength: 1, maxLength: 200 })

// ---- Options (remembered per user) ----

export const EnforcementOptions = Type.Object(
  {
    includeFeatured: Type.Boolean({ description: 'Also act on items where a listed artist is only featured' }),
    categories: Type.Object(
      { savedTracks: Type.Boolean(), savedAlbums: Type.Boolean(), followedArtists: Type.Boolean(), playlistItems: Type.Boolean() },
      { additionalProperties: false },
    ),
    exceptions: Type.Object(
      {
        artistIds: Type.Array(Uuid, { maxItems: 1000, description: 'Catalog artists the listener allows' }),
        trackUris: Type.Array(Uri, { maxItems: 1000, description: 'Item URIs kept wherever they appear' }),
        playlistIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 1000, description: "The provider's ids of playlists left alone" }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type EnforcementOptions = Static<typeof EnforcementOptions>

export const EnforcementOptionsResponse = Type.Object({
  options: EnforcementOptions,
  /** null while the listener has never changed the defaults. */
  updatedAt: Nullable(DateTime),
})
export type EnforcementOptionsResponse = Static<typeof EnforcementOptionsResponse>

// ---- Keep it enforced (per connection) ----

export const KeepEnforcedRequest = Type.Object(
  {
    enabled: Type.Boolean(),
    dailyLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'At most this many automatic removals a day (default 200); the rest waits for the next day' })),
  },
  { additionalProperties: false },
)
export type KeepEnforcedRequest = Static<typeof KeepEnforcedRequest>

export const KeepEnforced = Type.Object({
  connectionId: Uuid,
  enabled: Type.Boolean(),
  dailyLimit: Type.Integer(),
  /** null while never changed. */
  updatedAt: Nullable(DateTime),
})
export type KeepEnforced = Static<typeof KeepEnforced>

// ---- Plans ----

export const CreatePlanRequest = Type.Object(
  { options: Type.Optional(EnforcementOptions) },
  { additionalProperties: false, description: 'Without options, the remembered ones are used' },
)
export type CreatePlanRequest = Static<typeof CreatePlanRequest>

export const ArtistMatch = Type.Object({
  artistId: Uuid,
  name: Type.String(),
  role: OneOf(['primary', 'featured'] as const),
  sources: Type.Array(EffectiveSource),
})
export type ArtistMatch = Static<typeof ArtistMatch>

export const PlanSummary = Type.Object({
  actions: Type.Integer(),
  byCategory: Type.Object({ savedTracks: Type.Integer(), savedAlbums: Type.Integer(), followedArtists: Type.Integer(), playlistItems: Type.Integer() }),
  /** Most actions first, then by name. */
  byArtist: Type.Array(Type.Object({ artistId: Uuid, name: Type.String(), count: Type.Integer() })),
  skipped: Type.Object({ total: Type.Integer(), byReason: Type.Record(Type.String(), Type.Integer()) }),
})
export type PlanSummary = Static<typeof PlanSummary>

export const EnforcementPlan = Type.Object({
  id: Uuid,
  connectionId: Uuid,
  /** sha256 of the inputs (snapshot, blocklist, options): the same inputs give the same plan. */
  fingerprint: Type.String(),
  options: EnforcementOptions,
  summary: PlanSummary,
  /** When the library snapshot the plan was made from was read. */
  scannedAt: DateTime,
  createdAt: DateTime,
  /** The latest run of this plan, if any. */
  latestRunId: Nullable(Uuid),
})
export type EnforcementPlan = Static<typeof EnforcementPlan>

export const PlanIdParams = Type.Object({ id: Uuid })
export type PlanIdParams = Static<typeof PlanIdParams>

/** What an action and a skipped item both say about a library item and the artists it matched. */
const PlannedItemFields = {
  category: OneOf(PLAN_CATEGORIES),
  uri: Type.String(),
  name: Type.String(),
  playlistId: Nullable(Type.String()),
  playlistName: Nullable(Type.String()),
  /** Every position of the item in the playlist (Spotify removes all occurrences at once). */
  positions: Type.Array(Type.Integer()),
  matches: Type.Array(ArtistMatch),
  /** Why, in plain words, naming the artists and their lists. */
  reason: Type.String(),
}

export const PlanAction = Type.Object({
  /** Position in the plan (stable for a plan). */
  index: Type.Integer(),
  kind: OneOf(PLAN_ACTION_KINDS),
  ...PlannedItemFields,
})
export type PlanAction = Static<typeof PlanAction>

export const PlanActionsQuery = Type.Object({ category: Type.Optional(OneOf(PLAN_CATEGORIES)), ...PageQuery })
export type PlanActionsQuery = Static<typeof PlanActionsQuery>
export const PlanActionPage = Page(PlanAction)
export type PlanActionPage = Static<typeof PlanActionPage>

export const SkippedPlanItem = Type.Object({
  kind: OneOf(LIBRARY_ITEM_KINDS),
  code: OneOf(SKIP_CODES),
  ...PlannedItemFields,
})
export type SkippedPlanItem = Static<typeof SkippedPlanItem>

export const SkippedItemsQuery = Type.Object({ category: Type.Optional(OneOf(PLAN_CATEGORIES)), code: Type.Optional(OneOf(SKIP_CODES)), ...PageQuery })
export type SkippedItemsQuery = Static<typeof SkippedItemsQuery>
export const SkippedItemPage = Page(SkippedPlanItem)
export type SkippedItemPage = Static<typeof SkippedItemPage>

// ---- Runs ----

export const RunProgress = Type.Object({
  total: Type.Integer(),
  done: Type.Integer({ description: 'Confirmed by the provider, or already so' }),
  failed: Type.Integer({ description: 'Refused permanently; the run went on' }),
  remaining: Type.Integer(),
  /** Calls repeated after a 429 (waiting Retry-After) or a 5xx. */
  retries: Type.Integer(),
  /** A rough estimate from the pace so far; null before the first chunk or once finished. */
  estimatedSecondsRemaining: Nullable(Type.Integer()),
})
export type RunProgress = Static<typeof RunProgress>

export const EnforcementRun = Type.Object({
  id: Uuid,
  kind: OneOf(RUN_KINDS),
  planId: Uuid,
  connectionId: Uuid,
  /** For a rollback: the run it undoes. */
  rollbackOf: Nullable(Uuid),
  status: OneOf(RUN_STATUSES),
  progress: RunProgress,
  /** Why the run stopped, when it did. */
  error: Nullable(Type.String()),
  /** Started by "keep it enforced" after the list changed, not by the listener. */
  automatic: Type.Boolean(),
  /** For an automatic run: the change it follows, in words (and what waits for tomorrow's quota). */
  trigger: Nullable(Type.String()),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  completedAt: Nullable(DateTime),
})
export type EnforcementRun = Static<typeof EnforcementRun>

export const RunIdParams = Type.Object({ id: Uuid })
export type RunIdParams = Static<typeof RunIdParams>

export const RunsQuery = Type.Object({ ...PageQuery })
export type RunsQuery = Static<typeof RunsQuery>
export const EnforcementRunPage = Page(EnforcementRun)
export type EnforcementRunPage = Static<typeof EnforcementRunPage>

export const RunItem = Type.Object({
  id: Uuid,
  kind: OneOf(RUN_ITEM_KINDS),
  uri: Type.String(),
  name: Type.String(),
  playlistId: Nullable(Type.String()),
  playlistName: Nullable(Type.String()),
  /** For playlist items: where the item was (enforce) or is put back (rollback). */
  positions: Type.Array(Type.Integer()),
  /** When it had been added, as the provider said (a rollback cannot keep it). */
  addedAt: Nullable(DateTime),
  status: OneOf(RUN_ITEM_STATUSES),
  /** e.g. "Already gone" when the item was not there any more. */
  note: Nullable(Type.String()),
  error: Nullable(Type.String()),
  completedAt: Nullable(DateTime),
})
export type RunItem = Static<typeof RunItem>

export const RunItemsQuery = Type.Object({ status: Type.Optional(OneOf(RUN_ITEM_STATUSES)), ...PageQuery })
export type RunItemsQuery = Static<typeof RunItemsQuery>
export const RunItemPage = Page(RunItem)
export type RunItemPage = Static<typeof RunItemPage>

// ---- Rollback ----

export const RollbackRequest = Type.Object(
  { itemIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 10_000, description: "Items of the run to put back; all of the run's done items when left out" })) },
  { additionalProperties: false },
)
export type RollbackRequest = Static<typeof RollbackRequest>

export const RollbackIssue = Type.Object({
  itemId: Uuid,
  kind: Type.String(),
  uri: Type.String(),
  name: Type.String(),
  issue: OneOf(ROLLBACK_ISSUES),
  reason: Type.String(),
})
export type RollbackIssue = Static<typeof RollbackIssue>

export const RollbackPreview = Type.Object({
  runId: Uuid,
  /** Items a rollback would put back. */
  restorable: Type.Integer(),
  /** What cannot be restored exactly (at most 500 listed; `issueCount` counts them all). */
  issues: Type.Array(RollbackIssue),
  issueCount: Type.Integer(),
})
export type RollbackPreview = Static<typeof RollbackPreview>
