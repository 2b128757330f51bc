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

export const ImportRowStatus = OneOf(['will_add', 'already_listed', 'not_found', 'ambiguous', 'invalid'])
export type ImportRowStatus = Static<typeof ImportRowStatus>

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
  candidates: Type.Array(Artist),
  message: Nullable(Type.String()),
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
