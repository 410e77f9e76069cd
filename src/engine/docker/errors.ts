/**
 * Errors of the daemon's API. Each carries Docker's own message text and the
 * HTTP status class the Engine API would answer with (moby `errdefs`): the CLI
 * decides how to print them, because the Go client wraps some of them
 * (`Error: No such container: x` for inspect/remove) and not others
 * (`Error response from daemon: No such container: x` for stop).
 */
export type DockerErrorKind =
  | 'notFound' // 404
  | 'conflict' // 409
  | 'invalidParameter' // 400
  | 'forbidden' // 403
  | 'notModified' // 304
  | 'system' // 500
  | 'unavailable' // pulls that cannot reach a registry

/** What a not-found error is about: the Go client's objectNotFoundError names it. */
export type DockerObject = 'container' | 'image' | 'network' | 'volume' | 'object'

export class DockerError extends Error {
  constructor(
    readonly kind: DockerErrorKind,
    message: string,
    readonly object?: DockerObject,
    /** The name or id the caller used, for the client-side `Error: No such …: X` text. */
    readonly ref?: string,
  ) {
    super(message)
  }
}

export const noSuchContainer = (ref: string): DockerError => new DockerError('notFound', `No such container: ${ref}`, 'container', ref)
export const noSuchImage = (ref: string): DockerError => new DockerError('notFound', `No such image: ${ref}`, 'image', ref)

export function isDockerError(e: unknown): e is DockerError {
  return e instanceof DockerError
}
