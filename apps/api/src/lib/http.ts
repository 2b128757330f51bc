import { ErrorResponse } from '@ndith/contracts'

/** Response schemas for the error statuses a route documents (all share the one error shape). */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorResponse]))

/** A response that is a ready-made file (exports), documented per media type; the route sends it as a string. */
export const fileResponse = (description: string, mediaTypes: string[]) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string' } }])),
})
