/**
 * Image references as docker/distribution's `reference.ParseNormalizedNamed`
 * reads them: `tomcat` is `docker.io/library/tomcat`, a first component with
 * a dot, a colon or `localhost` is a registry, `:tag` defaults to `latest`.
 * The familiar form (`tomcat:latest`) is what the CLI prints.
 */
import { DockerError } from './errors'

export interface ImageReference {
  readonly domain: string // docker.io, localhost:5000
  readonly path: string // library/tomcat
  readonly tag?: string
  readonly digest?: string
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::\d+)?$/

export const invalidReference = (detail?: string): DockerError =>
  new DockerError('invalidParameter', detail ? `invalid reference format: ${detail}` : 'invalid reference format')

export function parseReference(text: string): ImageReference {
  if (/^[a-f0-9]{64}$/.test(text)) {
    throw new DockerError('invalidParameter', `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`)
  }
  let rest = text
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw invalidReference()
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) throw invalidReference()
  }
  const slash = rest.indexOf('/')
  let domain = 'docker.io'
  let path = rest
  const first = slash >= 0 ? rest.slice(0, slash) : ''
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    domain = first
    path = rest.slice(slash + 1)
    if (!DOMAIN.test(domain)) throw invalidReference()
  }
  if (domain === 'index.docker.io') domain = 'docker.io'
  if (path !== path.toLowerCase()) throw invalidReference('repository name must be lowercase')
  if (path === '' || !path.split('/').every((c) => COMPONENT.test(c))) throw invalidReference()
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`
  return { domain, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) }
}

/** reference.TagNameOnly: adds `latest` when neither tag nor digest is given. */
export function withDefaultTag(ref: ImageReference): ImageReference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref
}

/** `tomcat`, `localhost:5000/library/tomcat`. */
export function familiarName(ref: ImageReference): string {
  if (ref.domain !== 'docker.io') return `${ref.domain}/${ref.path}`
  return ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : ref.path
}

/** `tomcat:latest`, `redis@sha256:…`. */
export function familiarString(ref: ImageReference): string {
  return familiarName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '')
}

/** `docker.io/library/tomcat:latest`. */
export function fullString(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}` + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '')
}
