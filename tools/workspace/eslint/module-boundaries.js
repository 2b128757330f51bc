// @ts-check
// Module boundaries between the workspace's projects, with the same configuration shape as Nx's
// `@nx/enforce-module-boundaries` (depConstraints of sourceTag → onlyDependOnLibsWithTags /
// notDependOnLibsWithTags) and the same source of tags: `nx.tags` in a project's package.json, or
// `tags` in its project.json. Our own rule rather than @nx/eslint-plugin because no release of that
// plugin matches this workspace's Nx 24 (it would install a second Nx beside it).
//
// An import is checked when it names a project of ours, by package name (`@ndith/api`,
// `@ndith/api/anything`) or by a relative or absolute path that lands inside another project's
// folder. Type-only imports, re-exports, dynamic import() and require() count too: a test file
// is held to the same boundaries as the code it tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * @typedef {{ name: string, root: string, tags: string[] }} Project
 * @typedef {{ sourceTag: string, onlyDependOnLibsWithTags?: string[], notDependOnLibsWithTags?: string[] }} DepConstraint
 */

/** @type {Map<string, Project[]>} workspace root → its projects, read once per lint run */
const workspaces = new Map()

/** The nearest folder at or above `dir` whose package.json declares workspaces. */
export function findWorkspaceRoot(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    const manifest = path.join(current, 'package.json')
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).workspaces) return current
    if (path.dirname(current) === current) return undefined
  }
}

/** @param {string} pattern a workspaces entry: `apps/*` or a folder */
function expand(root, pattern) {
  if (!pattern.endsWith('/*')) return [path.join(root, pattern)]
  const parent = path.join(root, pattern.slice(0, -2))
  if (!existsSync(parent)) return []
  return readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(parent, e.name))
}

/** Every project of the workspace at `root`: its package name, folder and Nx tags. */
export function readProjects(root) {
  const cached = workspaces.get(root)
  if (cached) return cached
  const { workspaces: patterns } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  /** @type {Project[]} */
  const projects = []
  for (const dir of (Array.isArray(patterns) ? patterns : patterns.packages).flatMap((/** @type {string} */ p) => expand(root, p))) {
    const manifestFile = path.join(dir, 'package.json')
    if (!existsSync(manifestFile)) continue
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
    const projectJson = path.join(dir, 'project.json')
    const fromProjectJson = existsSync(projectJson) ? JSON.parse(readFileSync(projectJson, 'utf8')).tags : undefined
    projects.push({ name: manifest.name, root: dir, tags: fromProjectJson ?? manifest.nx?.tags ?? [] })
  }
  workspaces.set(root, projects)
  return projects
}

/** @param {Project[]} projects */
function projectOfPath(projects, file) {
  let best
  for (const project of projects) {
    const inside = file === project.root || file.startsWith(project.root + path.sep)
    if (inside && (!best || project.root.length > best.root.length)) best = project
  }
  return best
}

/** @param {Project[]} projects */
function projectOfSpecifier(projects, specifier, fromFile) {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    return projectOfPath(projects, path.resolve(path.dirname(fromFile), specifier))
  }
  return projects.find((p) => specifier === p.name || specifier.startsWith(p.name + '/'))
}

const list = (/** @type {string[]} */ tags) => (tags.length ? tags.join(', ') : 'no tags')

/**
 * Why `source` may not import `target`, or undefined when it may.
 * @param {Project} source @param {Project} target @param {DepConstraint[]} constraints
 */
export function violation(source, target, constraints) {
  const applicable = constraints.filter((c) => c.sourceTag === '*' || source.tags.includes(c.sourceTag))
  if (applicable.length === 0) {
    return `${source.name} (${list(source.tags)}) has no tag that a constraint names, so it may import no project of ours: give it a tag (nx.tags in its package.json) and a constraint in eslint.config.js`
  }
  for (const c of applicable) {
    if (c.onlyDependOnLibsWithTags && !c.onlyDependOnLibsWithTags.some((t) => t === '*' || target.tags.includes(t))) {
      const allowed = c.onlyDependOnLibsWithTags.length ? `only projects tagged ${c.onlyDependOnLibsWithTags.join(' or ')}` : 'no project of ours'
      return `${source.name} (${c.sourceTag}) may not import ${target.name} (${list(target.tags)}): ${c.sourceTag} may import ${allowed}`
    }
    const banned = c.notDependOnLibsWithTags?.find((t) => target.tags.includes(t))
    if (banned) return `${source.name} (${c.sourceTag}) may not import ${target.name}: ${c.sourceTag} never imports ${banned}`
  }
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Projects import only the projects their Nx tags allow (Nx's depConstraints)" },
    schema: [
      {
        type: 'object',
        properties: {
          depConstraints: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                sourceTag: { type: 'string' },
                onlyDependOnLibsWithTags: { type: 'array', items: { type: 'string' } },
                notDependOnLibsWithTags: { type: 'array', items: { type: 'string' } },
              },
              required: ['sourceTag'],
              additionalProperties: false,
            },
          },
        },
        required: ['depConstraints'],
        additionalProperties: false,
      },
    ],
    messages: { boundary: '{{reason}}' },
  },
  create(context) {
    const file = path.resolve(context.cwd, context.filename)
    const root = findWorkspaceRoot(path.dirname(file))
    if (!root) return {}
    const projects = readProjects(root)
    const source = projectOfPath(projects, file)
    if (!source) return {}
    const { depConstraints } = context.options[0]

    /** @param {import('estree').Node | null | undefined} node */
    function check(node) {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return
      const target = projectOfSpecifier(projects, node.value, file)
      if (!target || target === source) return
      const reason = violation(source, target, depConstraints)
      if (reason) context.report({ node, messageId: 'boundary', data: { reason } })
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(/** @type {any} */ (node.arguments[0]))
      },
    }
  },
}
