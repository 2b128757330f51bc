import { ErrorResponse } from '@ndith/contracts'

/** Response schemas for the error statuses a route documents (all share the one error shape). */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorResponse]))
