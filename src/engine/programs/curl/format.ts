/** curl 7.68.0's messages (lib/strerror.c, lib/connect.c) and its output. */
import type { SocketErrorCode } from '../../kernel/net/sockets'
import type { ReceivedResponse } from '../../kernel/net/http'

const STRERROR: Record<SocketErrorCode, string> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  ECONNRESET: 'Connection reset by peer',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
}

export const couldNotResolve = (host: string) => `curl: (6) Could not resolve host: ${host}\n`
export const failedToConnect = (host: string, port: number, errno: SocketErrorCode) => `curl: (7) Failed to connect to ${host} port ${port}: ${STRERROR[errno]}\n`
export const connectTimeout = (ms: number) => `curl: (28) Connection timed out after ${ms} milliseconds\n`
export const unsupported = (scheme: string) => `curl: (1) Protocol "${scheme}" not supported or disabled in libcurl\n`
export const malformed = 'curl: (3) URL using bad/illegal format or missing URL\n'

/** stdout: the body; with -i the head first; with -I the head only (CRLF line ends kept, as curl writes them). */
export function formatBody(r: ReceivedResponse, include: boolean, head: boolean): string {
  if (head) return r.head
  return (include ? r.head : '') + r.body
}
