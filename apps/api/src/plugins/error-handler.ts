import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ErrorCodes, type ErrorCode, type ErrorResponse, type FieldError } from '@ndith/contracts'
import { describeDatabaseError, isDatabaseUnavailable } from '../db/errors.ts'
import { AppError } from '../lib/app-error.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The error shape's code when the answer is an error (the request metrics count it). */
    errorCode: ErrorCode | null
  }
}

// A restart or a pool that is briefly exhausted; clients (and the web app) retry after this.
const DATABASE_RETRY_AFTER_SECONDS = 5

type AjvError = NonNullable<FastifyError['validation']>[number]

/** Turns one Ajv error into a field error a form can show next to its input. */
export function toFieldError(error: AjvError): FieldError {
  const params = error.params as Record<string, unknown>
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.')
  const child = (name: unknown) => [path, String(name)].filter(Boolean).join('.')
  switch (error.keyword) {
    case 'required':
      return { field: child(params.missingProperty), code: 'required', message: 'This field is required' }
    case 'additionalProperties':
      return { field: child(params.additionalProperty), code: 'unknown', message: 'This field is not allowed' }
    case 'format':
      return { field: path, code: 'format', message: params.format === 'email' ? 'Enter a valid email address' : `Must be a valid ${String(params.format)}` }
    case 'minLength':
      return { field: path, code: 'min-length', message: params.limit === 1 ? 'This field is required' : `Must be at least ${String(params.limit)} characters` }
    case 'maxLength':
      return { field: path, code: 'max-length', message: `Must be at most ${String(params.limit)} characters` }
    default:
      return { field: path || '(body)', code: error.keyword, message: error.message ?? 'Invalid value' }
  }
}

/** Fastify's own client errors (bad JSON, wrong content type, ...) mapped to our codes. */
function frameworkCode(error: FastifyError): ErrorCode | undefined {
  switch (error.statusCode) {
    case 400: return 'BAD_REQUEST'
    case 403: return 'FORBIDDEN'
    case 404: return 'NOT_FOUND'
    case 405: return 'METHOD_NOT_ALLOWED'
    case 412: return 'PRECONDITION_FAILED'
    case 413: return 'PAYLOAD_TOO_LARGE'
    case 415: return 'UNSUPPORTED_MEDIA_TYPE'
    case 416: return 'RANGE_NOT_SATISFIABLE'
    case 429: return 'RATE_LIMITED'
    default: return undefined
  }
}

// Postgres refusing a value the schema let through (a NUL character, a number out of range):
// the client's input is at fault, so it is a 400, never a 500.
const BAD_VALUE_SQLSTATES = new Set(['22021', '22P05', '22003', '22P02', '22001'])
const isBadValue = (error: unknown) => BAD_VALUE_SQLSTATES.has(String((error as { code?: unknown }).code))

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string, fields?: FieldError[]) {
  request.errorCode = code
  const body: ErrorResponse = { error: { code, message, ...(fields?.length ? { fields } : {}) }, requestId: request.id }
  return reply.status(ErrorCodes[code].status).send(body)
}

/**
 * Errors Fastify answers before any route or hook runs (a URL with an invalid escape such as
 * `%ff`); passed to Fastify's `frameworkErrors` option so they too leave in the one error shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('x-request-id', request.id)
  return send(reply, request, 'BAD_REQUEST', error.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid (a bad %-escape?)' : error.message)
}

/** The one error handler: every failure leaves in the one error shape; 5xx details stay in the log. */
export function registerErrorHandler(app: FastifyInstance) {
  app.decorateRequest('errorCode', null)
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      reply.headers(error.headers)
      if (error.status >= 500) request.log.error({ err: error }, error.message)
      return send(reply, request, error.code, error.message, error.fields)
    }
    if (error.validation) {
      return send(reply, request, 'VALIDATION_FAILED', ErrorCodes.VALIDATION_FAILED.message, error.validation.map(toFieldError))
    }
    if (isBadValue(error)) {
      request.log.info({ sqlState: (error as { code?: string }).code }, 'value refused by the database')
      return send(reply, request, 'BAD_REQUEST', 'A value in the request cannot be stored (for example a NUL character or a number out of range)')
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn(describeDatabaseError(error), 'database unavailable; answering 503')
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      return send(reply, request, 'SERVICE_UNAVAILABLE', 'The database is temporarily unavailable; try again in a few seconds')
    }
    // Fastify's and its plugins' client errors (bad JSON, a static file's 403/404/412/416, ...).
    const code = error.statusCode && error.statusCode < 500 ? frameworkCode(error) : undefined
    if (code) return send(reply, request, code, code === 'BAD_REQUEST' ? error.message : ErrorCodes[code].message)
    request.log.error({ err: error }, 'unhandled error')
    return send(reply, request, 'INTERNAL', ErrorCodes.INTERNAL.message)
  })

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 'NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`),
  )
}
