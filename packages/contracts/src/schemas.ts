// Schema building blocks every part of the contract shares, so a rule (like the NUL guard) is
// written once and holds for every text field that reaches the database.
import Type, { type Static, type TLiteral, type TSchema, type TUnion } from 'typebox'

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
export const DateTime = Type.String({ format: 'date-time' })
export const Uuid = Type.String({ format: 'uuid' })

/** Postgres refuses NUL characters in text, so they are refused up front (400, not 500). */
export const NO_NUL_PATTERN = '^[^\\u0000]*$'

/** Text a database can store. */
export const Text = (options: { minLength?: number; maxLength: number; description?: string }) => Type.String({ ...options, pattern: NO_NUL_PATTERN })


type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> }

/** One of a few fixed strings (an enum), as a union of literals so each value is its own type. */
export function OneOf<const T extends readonly [string, ...string[]]>(values: T, options: { description?: string; default?: T[number] } = {}): TUnion<Literals<T>> {
  return Type.Union(values.map((value) => Type.Literal(value)), options) as unknown as TUnion<Literals<T>>
}

/** The formats a list is exported in and imported from. */
export const FILE_FORMATS = ['csv', 'json'] as const
export const FileFormat = OneOf(FILE_FORMATS)
export type FileFormat = Static<typeof FileFormat>
