import path from 'node:path'
import ts from 'typescript'
import { devenvRoot } from '../../src/lib/paths.ts'
import type { K8sObject } from '../../src/k8s/kustomize.ts'

/**
 * Validation against the Kubernetes API schemas, in two passes over kubernetes-models (generated
 * from the Kubernetes OpenAPI document):
 *  1. its JSON-schema validators: types, required fields, enums, formats;
 *  2. its TypeScript interfaces, through the compiler's excess-property check: any field the API
 *     does not define (a misspelled `imagePullPolcy`) is an error, as with kubectl --validate=strict.
 */
const models: Record<string, { module: string; type: string }> = {
  'v1/ConfigMap': { module: 'kubernetes-models/v1/ConfigMap', type: 'IConfigMap' },
  'v1/Namespace': { module: 'kubernetes-models/v1/Namespace', type: 'INamespace' },
  'v1/PersistentVolumeClaim': { module: 'kubernetes-models/v1/PersistentVolumeClaim', type: 'IPersistentVolumeClaim' },
  'v1/Secret': { module: 'kubernetes-models/v1/Secret', type: 'ISecret' },
  'v1/Service': { module: 'kubernetes-models/v1/Service', type: 'IService' },
  'apps/v1/Deployment': { module: 'kubernetes-models/apps/v1/Deployment', type: 'IDeployment' },
  'apps/v1/StatefulSet': { module: 'kubernetes-models/apps/v1/StatefulSet', type: 'IStatefulSet' },
  'batch/v1/Job': { module: 'kubernetes-models/batch/v1/Job', type: 'IJob' },
}

const describe = (o: K8sObject) => `${o.kind}/${o.metadata?.name ?? '?'}`

/** A TypeScript literal of the object, with plain keys unquoted so errors read "did you mean 'x'". */
function literal(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(', ')}]`
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const inner = indent + ' '
  const fields = Object.entries(value).map(([k, v]) => `${inner}${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal(v, inner)}`)
  return `{\n${fields.join(',\n')}\n${indent}}`
}

async function schemaErrors(objects: K8sObject[]): Promise<string[]> {
  const errors: string[] = []
  for (const object of objects) {
    const model = models[`${object.apiVersion}/${object.kind}`]
    if (!model) {
      errors.push(`${describe(object)}: no schema for ${object.apiVersion} ${object.kind} in this validator`)
      continue
    }
    const exports = (await import(model.module)) as Record<string, new (data: unknown) => { validate(): void }>
    const Model = exports[model.type.slice(1)]!
    try {
      new Model(object).validate()
    } catch (error) {
      errors.push(`${describe(object)}: ${(error as Error).message}`)
    }
  }
  return errors
}

function unknownFieldErrors(objects: K8sObject[]): string[] {
  const known = objects.filter((o) => models[`${o.apiVersion}/${o.kind}`])
  const file = path.join(devenvRoot, '__manifests__.ts')
  const imports = [...new Set(known.map((o) => models[`${o.apiVersion}/${o.kind}`]!))].map((m) => `import type { ${m.type} } from '${m.module}'`)
  const starts: number[] = []
  let source = imports.join('\n') + '\n'
  known.forEach((o, i) => {
    starts.push(source.length)
    source += `export const object${i}: ${models[`${o.apiVersion}/${o.kind}`]!.type} = ${literal(o)}\n`
  })
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, types: [], skipLibCheck: true }
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile
  host.getSourceFile = (name, version, onError) => (name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, onError))
  const fileExists = host.fileExists
  host.fileExists = (name) => name === file || fileExists(name)
  const program = ts.createProgram([file], options, host)
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const at = d.start ?? 0
    const index = starts.findLastIndex((s) => s <= at)
    const where = index >= 0 ? describe(known[index]!) : path.basename(d.file?.fileName ?? '?')
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`
  })
}

/** Every schema problem in the objects; empty when all are valid Kubernetes API objects. */
export async function validateAgainstKubernetesSchemas(objects: K8sObject[]): Promise<string[]> {
  return [...(await schemaErrors(objects)), ...unknownFieldErrors(objects)]
}
