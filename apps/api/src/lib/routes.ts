import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchema,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteShorthandOptions,
} from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A health probe (features/health): left out of the request log and the request metrics. */
    probe?: boolean
  }
}

/** The app as route plugins use it: schemas from the contract type each request and reply. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>

export type OperationHandler<S extends FastifySchema> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  S,
  TypeBoxTypeProvider
>

/**
 * Registers a contract operation (its method, path and schemas) with its handler. Route plugins
 * only say what an operation does; where it lives and what it takes is the contract's.
 */
export function serve<S extends FastifySchema>(
  api: Api,
  op: { method: HTTPMethods; path: string; schema: S },
  handler: OperationHandler<S>,
  options: Omit<RouteShorthandOptions, 'schema'> = {},
) {
  api.route({ ...options, method: op.method, url: op.path, schema: op.schema, handler })
}

/** The typed app for a route plugin. */
export const typed = (app: FastifyInstance): Api => app.withTypeProvider<TypeBoxTypeProvider>()
