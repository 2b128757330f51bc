import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { isPortBusy } from '../src/ports/probe.ts'
import { localPorts } from '../src/stack/ports.ts'
import { devenv, row } from './support/cli.ts'

/** An offset (from 200 up, clear of anyone's dev stacks) at which every Tilt-stack port is free. */
async function freeOffset(): Promise<number> {
  for (let offset = 200; offset < 400; offset += 7) {
    const busy = await Promise.all(Object.values(localPorts({ offset, overrides: {} })).map(isPortBusy))
    if (!busy.some(Boolean)) return offset
  }
  throw new Error('no free offset between 200 and 400')
}

const listenOn = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })

describe('devenv ports', () => {
  let holder: Server | undefined
  afterEach(() => new Promise<void>((resolve) => (holder ? holder.close(() => resolve()) : resolve())))

  it('passes with exit 0 and prints the tilt up command when every forwarded port and the Tilt UI port are free', async () => {
    const offset = await freeOffset()
    const result = await devenv(['ports', '--offset', String(offset)])
    expect(result.code).toBe(0)
    for (const [name, port] of [['postgres', 5432], ['redis', 6379], ['api', 3000], ['web', 5000], ['simulator', 4000], ['worker', 3500], ['tilt ui', 10350]] as const) {
      expect(row(result.stdout, name)).toMatch(new RegExp(`✓\\s+${name}\\s+${port + offset}\\s+free`))
    }
    expect(result.stdout).toContain(`tilt up --port ${10350 + offset} -- --port-offset=${offset}`)
  })

  it('reports a port held by a real listening socket as busy, names the holding process and proposes a free offset', async () => {
    const offset = await freeOffset()
    holder = await listenOn(3000 + offset)
    const result = await devenv(['ports', '--offset', String(offset)])
    expect(result.code).toBe(1)
    expect(row(result.stdout, 'api')).toMatch(new RegExp(`✗\\s+api\\s+${3000 + offset}\\s+in use by \\S+ \\(pid ${process.pid}\\)`))
    expect(row(result.stdout, 'web')).toContain('free')
    const suggestion = /Offset (\d+) has every port free/.exec(result.stdout)
    expect(suggestion, result.stdout).not.toBeNull()
    const next = Number(suggestion![1])
    expect(next).toBeGreaterThan(offset)
    expect(result.stdout).toContain(`tilt up --port ${10350 + next} -- --port-offset=${next}`)
  })

  it('checks an explicitly configured port instead of the offset one', async () => {
    const offset = await freeOffset()
    holder = await listenOn(5000 + offset + 1)
    const result = await devenv(['ports', '--offset', String(offset), '--port', `web=${5000 + offset + 1}`])
    expect(result.code).toBe(1)
    expect(row(result.stdout, 'web')).toContain(`${5000 + offset + 1}`)
    expect(row(result.stdout, 'web')).toContain('in use by')
  })

  it.each([
    ['simulator', 4000],
    ['worker', 3500],
  ])('reports the %s’s forwarded port when something holds it', async (service, base) => {
    const offset = await freeOffset()
    holder = await listenOn(base + offset)
    const result = await devenv(['ports', '--offset', String(offset)])
    expect(result.code).toBe(1)
    expect(row(result.stdout, service)).toMatch(new RegExp(`✗\\s+${service}\\s+${base + offset}\\s+in use by`))
  })

  it('refuses two services given the same port before probing anything', async () => {
    const result = await devenv(['ports', '--port', 'simulator=3000'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('two forwarded ports are the same: api and simulator on 3000')
  })

  it('rejects an offset that is not a whole number, with the fix', async () => {
    const result = await devenv(['ports', '--offset', 'two'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--offset is "two"')
    expect(result.stderr).toContain('fix:')
  })
})
