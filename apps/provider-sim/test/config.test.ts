import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.ts'

describe('server configuration from the environment', () => {
  it('defaults to port 4000 on 127.0.0.1, client ndith-dev, no faults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4000, simulator: { seed: 1, accessTokenTtlSeconds: 3600, faults: {} } })
    expect(config.simulator.clientIds).toBeUndefined()
  })

  it('listens on SIM_PORT/SIM_HOST when set, before PORT/HOST (npm start gives the API PORT in the same environment)', () => {
    expect(loadConfig({ PORT: '3005', HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', port: 3005 })
    expect(loadConfig({ PORT: '3005', SIM_PORT: '4000', HOST: '0.0.0.0', SIM_HOST: '127.0.0.1' })).toMatchObject({ host: '127.0.0.1', port: 4000 })
    expect(() => loadConfig({ SIM_PORT: 'x' })).toThrow(/SIM_PORT/)
  })

  it('reads the fault knobs', () => {
    const config = loadConfig({ SIM_RATE_LIMIT: '20', SIM_QUOTA_EXCEEDED: 'true', SIM_5XX_RATE: '0.05', SIM_LATENCY_MS: '30', SIM_LOST_RESPONSE_RATE: '0.1', SIM_LOST_RESPONSE_MODE: 'bad-gateway', SIM_CLIENT_IDS: 'a, b' })
    expect(config.simulator.faults).toEqual({ rateLimit: 20, quotaExceeded: true, serverErrorRate: 0.05, latencyMs: 30, lostResponseRate: 0.1, lostResponseMode: 'bad-gateway' })
    expect(config.simulator.clientIds).toEqual(['a', 'b'])
  })

  it('names the variable when a value is invalid', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadConfig({ SIM_5XX_RATE: '2' })).toThrow(/SIM_5XX_RATE/)
    expect(() => loadConfig({ SIM_LOST_RESPONSE_MODE: 'explode' })).toThrow(/lostResponseMode/)
  })
})
