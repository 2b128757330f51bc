import Type, { type Static } from 'typebox'
import { Artist } from './artists.ts'
import { MAX_IMPORT_ROWS, MAX_IMPORT_BYTES } from './limits.ts'
import { DateTime, FileFormat, Nullable, OneOf, Uuid } from './schemas.ts'

export const ImportPreviewRequest = Type.Object(
  {
    format: FileFormat,
    content: Type.String({ minLength: 1, maxLength: MAX_IMPORT_BYTES }),
  },
  { additionalProperties: false },
)
export type ImportPreviewRequest = Static<typeof ImportPreviewRequest>

/** duplicate: a later row for the same artist as an earlier one, combined into it (see duplicateOf). */
export const ImportRowStatus = OneOf(['will_add', 'already_listed', 'not_found', 'ambiguous', 'duplicate', 'invalid'])
export type ImportRowStatus = Static<typeof ImportRowStatus>

/** A candidate of an ambiguous row; onList when it is already on the user's list (picking it adds nothing). */
export const ImportCandidate = Type.Object({ ...Artist.properties, onList: Type.Boolean() })
export type ImportCandidate = Static<typeof ImportCandidate>

export const ImportRow = Type.Object({
  index: Type.Integer({ description: 'Row number in the file, from 1' }),
  input: Type.Object({
    name: Nullable(Type.String()),
    url: Nullable(Type.String()),
    tags: Type.Array(Type.String()),
    note: Nullable(Type.String()),
  }),
  status: ImportRowStatus,
  artist: Nullable(Artist),
  candidates: Type.Array(ImportCandidate),
  message: Nullable(Type.String()),
  /** On a duplicate row: the earlier row it was combined into. */
  duplicateOf: Nullable(Type.Integer()),
  /** On the first row for an artist: the later rows combined into it (their tags and notes merged in). */
  combinedRows: Type.Array(Type.Integer()),
})
export type ImportRow = Static<typeof ImportRow>

export const ImportSummary = Type.Record(Type.String(), Type.Integer())

export const ImportPreview = Type.Object(
  {
    id: Uuid,
    format: FileFormat,
    status: OneOf(['previewed', 'confirmed']),
    rows: Type.Array(ImportRow),
    summary: ImportSummary,
    createdAt: DateTime,
  },
  { $id: 'ImportPreview' },
)
export type ImportPreview = Static<typeof ImportPreview>

/** The rows the user confirms: will-add rows as previewed, ambiguous rows with their chosen candidate. */
export const ImportConfirmRequest = Type.Object(
  {
    rows: Type.Array(
      Type.Object({ index: Type.Integer({ minimum: 1 }), artistId: Uuid }, { additionalProperties: false }),
      { minItems: 1, maxItems: MAX_IMPORT_ROWS },
    ),
  },
  { additionalProperties: false },
)
export type ImportConfirmRequest = Static<typeof ImportConfirmRequest>

export const ImportConfirmResponse = Type.Object({ added: Type.Integer(), alreadyListed: Type.Integer() })
export type ImportConfirmResponse = Static<typeof ImportConfirmResponse>
