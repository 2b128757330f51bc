import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../lib/paths.ts'
import type { PodRunner } from './docker.ts'

export interface LiveSync {
  /** The Tiltfile's sync(local, container) for this image (tiltfile.test.ts keeps the two equal). */
  local: string
  container: string
  /** The file the rehearsal edits, inside `local`, and the line it adds. */
  file: string
  edit: string
}

export const LIVE_SYNCS = {
  api: { local: 'apps/api/src', container: '/app/apps/api/src', file: 'server.ts', edit: '\n// edited by devenv rehearse\n' },
  // The same sync reaches the worker's container (same image); its own entry file is edited there.
  worker: { local: 'apps/api/src', container: '/app/apps/api/src', file: 'worker.ts', edit: '\n// edited by devenv rehearse\n' },
  web: { local: 'apps/web/dist', container: '/usr/share/nginx/html', file: 'index.html', edit: '\n<!-- edited by devenv rehearse -->\n' },
} satisfies Record<string, LiveSync>

/**
 * An edit as a developer makes one (the file with a line added; the repository is left alone),
 * synced the way Tilt's live_update does: a tar unpacked in the running container as its user.
 */
export async function syncEdit(runner: PodRunner, container: string, user: string | undefined, sync: LiveSync): Promise<string | undefined> {
  const source = path.join(repoRoot, sync.local, sync.file)
  if (!existsSync(source)) return `${path.join(sync.local, sync.file)} does not exist (build it first)`
  const edited = mkdtempSync(path.join(tmpdir(), 'devenv-live-update-'))
  try {
    writeFileSync(path.join(edited, sync.file), readFileSync(source, 'utf8') + sync.edit)
    const synced = await runner.sync(container, user, edited, [sync.file], sync.container)
    return synced.code === 0 ? undefined : `syncing ${sync.file} into ${sync.container} failed: ${synced.output.trim()}`
  } finally {
    rmSync(edited, { recursive: true, force: true })
  }
}
