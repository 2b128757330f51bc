import Type, { type Static } from 'typebox'
import { OneOf } from './schemas.ts'

export const HealthResponse = Type.Object({ status: Type.Literal('ok') }, { $id: 'HealthResponse' })
export type HealthResponse = Static<typeof HealthResponse>

export const ReadinessCheck = Type.Object({
  name: Type.String({ description: 'postgres, schema, redis' }),
  ok: Type.Boolean(),
  message: Type.Optional(Type.String({ description: 'What is wrong and the fix' })),
})
export type ReadinessCheck = Static<typeof ReadinessCheck>

export const ReadyResponse = Type.Object(
  {
    status: OneOf(['ready', 'unavailable']),
    checks: Type.Array(ReadinessCheck),
  },
  { $id: 'ReadyResponse' },
)
export type ReadyResponse = Static<typeof ReadyResponse>
