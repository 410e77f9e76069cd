/** curl 7.68.0's messages (lib/strerror.c, lib/connect.c), its -v trace, progress meter and -w variables. */
import type { SocketErrorCode } from '../../kernel/net/sockets'
import type { HttpRequest, ReceivedResponse } from '../../kernel/net/http'

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
export const httpError = (status: string) => `curl: (22) The requested URL returned error: ${status}\n`
export const tooManyRedirects = (n: number) => `curl: (47) Maximum (${n}) redirects followed\n`
export const noRemoteName = 'curl: Remote file name has no length!\ncurl: (23) Failed writing received data to disk/application\n'
export const cannotCreate = (file: string, why: string) => `Warning: Failed to create the file ${file}: ${why}\ncurl: (23) Failure writing output to destination\n`
export const strerror = (errno: SocketErrorCode): string => STRERROR[errno]

/** stdout: the body; with -i the head first; with -I the head only (CRLF line ends kept, as curl writes them). */
export function formatBody(r: ReceivedResponse, include: boolean, head: boolean): string {
  if (head) return r.head
  return (include ? r.head : '') + r.body
}

/** -v: what curl traces on stderr around a transfer. */
export const verbose = {
  trying: (ip: string, port: number) => `*   Trying ${ip}:${port}...\n* TCP_NODELAY set\n`,
  connected: (host: string, ip: string, port: number) => `* Connected to ${host} (${ip}) port ${port} (#0)\n`,
  request: (r: HttpRequest) => `> ${r.method} ${r.target} ${r.version}\r\n${r.headers.map(([k, v]) => `> ${k}: ${v}\r\n`).join('')}> \r\n`,
  response: (r: ReceivedResponse) => `* Mark bundle as not supporting multiuse\n${r.head.slice(0, -2).split('\r\n').map((l) => `< ${l}\r\n`).join('')}`,
  intact: (host: string) => `* Connection #0 to host ${host} left intact\n`,
  failed: (ip: string, port: number, errno: SocketErrorCode) => `* connect to ${ip} port ${port} failed: ${STRERROR[errno]}\n* Failed to connect to ${ip} port ${port}: ${STRERROR[errno]}\n* Closing connection 0\n`,
}

/** lib/progress.c max5data: a number in at most five characters. */
export function max5(n: number): string {
  const K = 1024
  const M = K * K
  if (n < 100000) return String(Math.floor(n)).padStart(5)
  if (n < 10000 * K) return `${String(Math.floor(n / K)).padStart(4)}k`
  if (n < 100 * M) return `${String(Math.floor(n / M)).padStart(2)}.${Math.floor((n % M) / (M / 10))}M`
  return `${String(Math.floor(n / M)).padStart(4)}M`
}

export const PROGRESS_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n'

/** One meter line (`\r` first: the next one overwrites it). */
export function progressLine(total: number, received: number, elapsedMs: number): string {
  const pct = (a: number, b: number): string => String(b > 0 ? Math.floor((a * 100) / b) : 0).padStart(3)
  const speed = received === 0 ? 0 : (received * 1e6) / Math.max(1, Math.round(elapsedMs * 1000))
  const t = '--:--:--'
  return `\r${pct(received, total)} ${max5(total)}  ${pct(received, total)} ${max5(received)}    0 ${max5(0)}  ${max5(speed)}  ${max5(0)} ${t} ${t} ${t} ${max5(speed)}`
}

/** -w: %{var} and \n \r \t, as curl's writeout.c expands them. */
export function writeOut(format: string, vars: Record<string, string>): string {
  return format.replace(/%\{([a-z_]+)\}|%%|\\([nrt\\])/g, (m, name: string | undefined, esc: string | undefined) => {
    if (m === '%%') return '%'
    if (esc !== undefined) return esc === 'n' ? '\n' : esc === 'r' ? '\r' : esc === 't' ? '\t' : '\\'
    return vars[name!] ?? ''
  })
}
