import Type, { type Static } from 'typebox'

/** Codes for a single field's problem (a password rule id, or a schema keyword such as `format`). */
export const FieldError = Type.Object({
  field: Type.String({ description: 'Dotted path of the field, e.g. "email" or "tags.2"' }),
  code: Type.String({ description: 'Machine-readable reason, e.g. "required", "format", "min-length"' }),
  message: Type.String(),
})
export type FieldError = Static<typeof FieldError>

/** The one error shape: every 4xx and 5xx body looks like this. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'One of the documented error codes' }),
      message: Type.String(),
      fields: Type.Optional(Type.Array(FieldError)),
    }),
    requestId: Type.String(),
  },
  { $id: 'ErrorResponse' },
)
export type ErrorResponse = Static<typeof ErrorResponse>
