import { userInfo } from 'node:os'
import { DevenvError } from '../lib/errors.ts'

// A Kubernetes namespace name is an RFC 1123 label.
const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

function currentUser(env: NodeJS.ProcessEnv): string {
  if (env.USER) return env.USER
  try {
    return userInfo().username
  } catch {
    return 'dev'
  }
}

/**
 * One namespace per developer (ndith-<user>), and per stack when a port offset is used, so two
 * stacks never share a database by accident.
 */
export function defaultNamespace(offset: number, env: NodeJS.ProcessEnv = process.env): string {
  const user = currentUser(env).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'dev'
  return offset ? `ndith-${user}-${offset}` : `ndith-${user}`
}

export function assertNamespace(namespace: string): string {
  if (namespace.length > 63 || !label.test(namespace)) {
    throw new DevenvError(
      `namespace "${namespace}" is not a valid Kubernetes name`,
      'use lowercase letters, digits and dashes, starting and ending with a letter or digit (at most 63 characters)',
    )
  }
  return namespace
}
