import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  CommunityListDiff,
  CommunityPageQuery,
  CommunityListVersion,
  CommunityListVersionDetail,
  CommunityListVersionPage,
  ListIdParams,
  ListVersionParams,
  PublishRequest,
  VersionDiffQuery,
} from '@ndith/contracts'
import { errorResponses } from '../../../lib/http.ts'
import { requestContext } from '../../../lib/request-context.ts'
import type { CommunityServices } from '../services.ts'

/** Publishing and the immutable numbered versions. */
export async function versionRoutes(app: FastifyInstance, { versions }: CommunityServices) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['community']

  api.post('/community-lists/:id/publish', {
    schema: {
      operationId: 'publishCommunityList',
      tags,
      summary: 'Publish the draft as the next immutable version (owner only)',
      params: ListIdParams,
      // A publish without a changelog may come with no body at all.
      body: PublishRequest,
      response: { 201: CommunityListVersion, ...errorResponses(400, 401, 403, 404, 409) },
    },
    preValidation: async (request) => {
      request.body ??= {}
    },
  }, async (request, reply) => reply.status(201).send(await versions.publish(request.userId, request.params.id, request.body, requestContext(request))))

  api.get('/community-lists/:id/versions', {
    schema: {
      operationId: 'listCommunityListVersions',
      tags,
      summary: 'Published versions, newest first',
      params: ListIdParams,
      querystring: CommunityPageQuery,
      response: { 200: CommunityListVersionPage, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => versions.list(request.userId, request.params.id, request.query))

  api.get('/community-lists/:id/versions/:version', {
    schema: {
      operationId: 'getCommunityListVersion',
      tags,
      summary: 'One version and its items',
      params: ListVersionParams,
      querystring: CommunityPageQuery,
      response: { 200: CommunityListVersionDetail, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => versions.get(request.userId, request.params.id, request.params.version, request.query))

  api.get('/community-lists/:id/versions/:version/diff', {
    schema: {
      operationId: 'diffCommunityListVersion',
      tags,
      summary: 'What a version added, removed and changed against the previous one (or ?from=)',
      params: ListVersionParams,
      querystring: VersionDiffQuery,
      response: { 200: CommunityListDiff, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => versions.diff(request.userId, request.params.id, request.params.version, request.query.from))
}
