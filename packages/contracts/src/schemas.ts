// Schema building blocks every part of the contract shares, so a rule (like the NUL guard) is
// written once and holds for every text field that reaches the database.
import Type, { type Static, type TSchema } from 'typebox'

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
export const DateTime = Type.String({ format: 'date-time' })
export const Uuid = Type.String({ format: 'uuid' })

/** Postgres refuses NUL characters in text, so they are refused up front (400, not 500). */
export const NO_NUL_PATTERN = '^[^\\u0000]*$'

/** Text a database can store. */
export const Text = (options: { minLength?: number; maxLength: number; description?: string }) => Type.String({ ...options, pattern: NO_NUL_PATTERN })

/** The formats a list is exported in and imported from. */
export const FileFormat = Type.Union([Type.Literal('csv'), Type.Literal('json')])
export type FileFormat = Static<typeof FileFormat>
