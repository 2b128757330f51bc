import { parseArgs } from 'node:util'
import { DevenvError } from '../lib/errors.ts'
import { mark, table } from '../lib/output.ts'
import { rehearse } from '../rehearse/rehearsal.ts'
import { tearDownRehearsals } from '../rehearse/teardown.ts'

export const help = `Usage: devenv rehearse [--overlay dev|base] [--tag TAG] [--pg-admin-url URL] [--redis-url URL] [--keep]
       devenv rehearse --down [--pg-admin-url URL]

Runs what the cluster would run, from the rendered manifests (k8s/<overlay> + k8s/seed): the
migrate Job, the provider-sim Deployment (the Spotify simulator: its probes, its seeded users and
its consent page), the api Deployment (its wait-for-schema init container, then its startup,
readiness and liveness probes, and SIMULATOR_URL reached from inside it), the worker Deployment
(the API image's worker command: its init container and probes on 3001; the health checks then read
its queue depths), the web Deployment (nginx, /api proxied to the api container) and the seed
Job, each container with the manifests' own command, environment (ConfigMap and Secret), user
and probes, then the health checks. With --overlay dev (the default: what Tilt deploys, the API
under \`tsx watch\`, the web image Tilt builds: ndith-web:TAG-live) it also syncs edited files into
the api, worker and web containers the way Tilt's live_update does, and checks that the API and the
worker restart and are ready again and that nginx serves the new file. No cluster needed: Service
names resolve to this machine (host network), and this machine's Postgres and Redis stand in for the postgres StatefulSet and
the redis Deployment (a superuser and a database with a unique name are created, then dropped).

Build the images first (npm run images -w @ndith/devenv; --tag picks the tag, default dev).
Ports 3000, 3001, 4000 and 5000 must be free. --keep leaves the containers, database and role up
(the app on http://localhost:5000, the simulator on http://127.0.0.1:4000), e.g. for the e2e suite
(E2E_BASE_URL=http://localhost:5000); --down removes what --keep left.
Exits 1 when a step fails; the failing container's last log lines are shown.`

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      overlay: { type: 'string', default: 'dev' },
      tag: { type: 'string', default: 'dev' },
      'pg-admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
      'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
      keep: { type: 'boolean', default: false },
      down: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.down) {
    const { containers, databases } = await tearDownRehearsals(values['pg-admin-url'])
    console.log(`Removed ${containers.length} rehearsal container(s)${containers.length ? ` (${containers.join(', ')})` : ''} and ${databases.length} database(s) and role(s)${databases.length ? ` (${databases.join(', ')})` : ''}.`)
    return 0
  }
  if (values.overlay !== 'dev' && values.overlay !== 'base') throw new DevenvError(`--overlay is "${values.overlay}"`, 'use --overlay dev or --overlay base')
  console.log(`Rehearsing the ${values.overlay} manifests with docker (images ndith-api:${values.tag}, ndith-web:${values.tag}):\n`)
  const results = await rehearse({
    overlay: values.overlay,
    tag: values.tag,
    pgAdminUrl: values['pg-admin-url'],
    redisUrl: values['redis-url'],
    keep: values.keep,
    // One line per step as it finishes: the whole run takes a minute or two.
    onResult: (r) => console.error(`${mark(r.status, process.stderr)} ${r.step}`),
  })
  const failed = results.filter((r) => r.status === 'fail')
  console.log(`\n${table(['', 'step', 'result'], results.map((r) => [mark(r.status), r.step, r.detail]))}`)
  console.log(failed.length ? `\n${failed.length} step(s) failed.` : '\nEvery step passed.')
  if (values.keep) console.log('Left up (--keep): the app on http://localhost:5000, the API on :3000, the simulator on http://127.0.0.1:4000; `devenv rehearse --down` removes them.')
  return failed.length ? 1 : 0
}
