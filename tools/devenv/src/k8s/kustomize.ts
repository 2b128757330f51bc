import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { DevenvError } from '../lib/errors.ts'
import { repoRoot } from '../lib/paths.ts'
import { run } from '../lib/run.ts'

/** A Kubernetes object as plain data. */
export interface K8sObject {
  apiVersion: string
  kind: string
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown }
  [key: string]: unknown
}

export const k8sDir = path.join(repoRoot, 'k8s')

/** `kubectl kustomize DIR`, parsed. kubectl is the only tool this needs (kustomize is built in). */
export function kustomize(dir: string, env: NodeJS.ProcessEnv = process.env): K8sObject[] {
  const result = run('kubectl', ['kustomize', dir], { env, timeoutMs: 60_000 })
  if (!result.found) throw new DevenvError('kubectl is not installed; it renders the manifests', 'run `devenv doctor` for the install command')
  if (result.code !== 0) throw new DevenvError(`kubectl kustomize ${path.relative(repoRoot, dir)} failed:\n${result.stderr.trim()}`)
  return parseYamlStream(result.stdout)
}

export function parseYamlStream(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length) throw new DevenvError(`invalid YAML: ${doc.errors[0]!.message}`)
      return doc.toJS() as K8sObject | null
    })
    .filter((o): o is K8sObject => o !== null)
}
