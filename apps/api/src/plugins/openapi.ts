import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { REFRESH_COOKIE } from '@ndith/contracts'

/** The OpenAPI document is generated from the route schemas (which come from packages/contracts). */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'No Drake in the House API',
        version: '1.0.0',
        description: 'Do-Not-Play list manager for music streaming.',
      },
      // Relative: the API answers on whichever origin serves this document.
      servers: [{ url: '/', description: 'This API' }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          refreshCookie: { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE },
        },
      },
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // Its own CSP (the API's default-src 'none' would blank the page): the plugin's policy (its
    // scripts, hashes of any inline script), framed by nobody, no upgrade (local docs are http), and
    // inline styles, which Swagger UI's bundle injects at run time (scripts stay strict).
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';")
        .replace(/\s*upgrade-insecure-requests;?/, ''),
  })
}
