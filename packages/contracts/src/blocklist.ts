import Type, { type Static } from 'typebox'
import { Artist } from './artists.ts'
import { Page, PageQuery } from './pagination.ts'
import { MAX_TAGS, MAX_TAG_LENGTH, MAX_NOTE_LENGTH } from './limits.ts'
import { DateTime, FILE_FORMATS, Nullable, OneOf, Text, Uuid } from './schemas.ts'

/** No separators (a tag is one cell of a CSV column) and no NUL (Postgres refuses it). */
export const Tag = Type.String({ minLength: 1, maxLength: MAX_TAG_LENGTH, pattern: '^[^,;\\u0000]+$' })
export const Tags = Type.Array(Tag, { maxItems: MAX_TAGS, uniqueItems: true })
export const Note = Text({ maxLength: MAX_NOTE_LENGTH })

export const BlocklistEntry = Type.Object(
  {
    id: Uuid,
    artist: Artist,
    tags: Type.Array(Type.String()),
    note: Nullable(Type.String()),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
)
export type BlocklistEntry = Static<typeof BlocklistEntry>

/** Add by catalog id or by a provider URL (exactly one). */
export const AddBlocklistEntryRequest = Type.Object(
  {
    artistId: Type.Optional(Uuid),
    url: Type.Optional(Text({ minLength: 1, maxLength: 2000 })),
    tags: Type.Optional(Tags),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
)
export type AddBlocklistEntryRequest = Static<typeof AddBlocklistEntryRequest>

export const AddBlocklistEntryResponse = Type.Object({
  entry: BlocklistEntry,
  /** false when the artist was already on the list (nothing changed). */
  created: Type.Boolean(),
})
export type AddBlocklistEntryResponse = Static<typeof AddBlocklistEntryResponse>

export const UpdateBlocklistEntryRequest = Type.Object(
  { tags: Type.Optional(Tags), note: Type.Optional(Nullable(Note)) },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateBlocklistEntryRequest = Static<typeof UpdateBlocklistEntryRequest>

export const BlocklistQuery = Type.Object({
  tag: Type.Optional(Tag),
  q: Type.Optional(Text({ maxLength: 200 })),
  sort: Type.Optional(OneOf(['name', 'added'], { default: 'added' })),
  order: Type.Optional(OneOf(['asc', 'desc'])),
  ...PageQuery,
})
export type BlocklistQuery = Static<typeof BlocklistQuery>

export const BlocklistPage = Type.Object({ ...Page(BlocklistEntry).properties, tags: Type.Array(Type.String()) })
export type BlocklistPage = Static<typeof BlocklistPage>

export const ExportQuery = Type.Object({ format: Type.Optional(OneOf(FILE_FORMATS, { default: 'json' })) })
export type ExportQuery = Static<typeof ExportQuery>
