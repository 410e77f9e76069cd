/**
 * The transfer both wgets share: resolve, connect, send a GET (or HEAD) and
 * read until the server closes. Messages differ per wget and live in
 * busybox.ts and gnu.ts.
 */
import { formatIpv4, parseIpv4 } from '../../../lib/ipv4'
import { httpExchange, parseResponse, type ReceivedResponse } from '../../kernel/net/http'
import { resolveHost } from '../../kernel/net/resolver'
import { SocketError, type SocketErrorCode } from '../../kernel/net/sockets'
import type { ProgramContext } from '../../shell/runtime'

export interface WgetUrl {
  readonly host: string
  readonly port: number
  readonly path: string
  readonly hostHeader: string
  readonly text: string
}

export function parseWgetUrl(text: string): WgetUrl | { unsupported: string } | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(text)
  if (!m) return undefined
  const scheme = (m[1] ?? 'http').toLowerCase()
  if (scheme !== 'http') return { unsupported: scheme }
  const path = m[4] === '' || m[4] === undefined ? '/' : m[4]!
  const hostHeader = m[3] !== undefined ? `${m[2]}:${m[3]}` : m[2]!
  return { host: m[2]!, port: m[3] !== undefined ? Number(m[3]) : 80, path, hostHeader, text: `http://${hostHeader}${path}` }
}

export type WgetOutcome =
  | { readonly kind: 'response'; readonly ip: string; readonly response: ReceivedResponse; readonly status: number; readonly reason: string; readonly elapsedMs: number }
  | { readonly kind: 'resolve-failed' }
  | { readonly kind: 'connect-failed'; readonly ip: string; readonly errno: SocketErrorCode }

export async function wgetFetch(
  ctx: ProgramContext,
  url: WgetUrl,
  request: { method: string; userAgent: string; extraHeaders?: readonly [string, string][]; timeoutMs?: number },
  onResolved?: (ip: string, literal: boolean) => void,
): Promise<WgetOutcome> {
  const { proc, kernel } = ctx
  const { fs, net } = proc.sandbox
  const resolved = await proc.waitFor(resolveHost(fs, net, url.host))
  if (!resolved.ok) return { kind: 'resolve-failed' }
  const ip = formatIpv4(resolved.address)
  onResolved?.(ip, parseIpv4(url.host) !== undefined)
  const headers: [string, string][] = [['Host', url.hostHeader], ['User-Agent', request.userAgent], ...(request.extraHeaders ?? [])]
  const started = kernel.clock.now()
  try {
    const text = await proc.waitFor(
      httpExchange(kernel.net.sockets, net, { address: resolved.address, port: url.port }, { method: request.method, target: url.path, version: 'HTTP/1.1', headers }, request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
    )
    const response = parseResponse(text)
    if (!response) return { kind: 'connect-failed', ip, errno: 'ECONNRESET' }
    const [, code = '0', ...reason] = response.statusLine.split(' ')
    return { kind: 'response', ip, response, status: Number(code), reason: reason.join(' '), elapsedMs: kernel.clock.now() - started }
  } catch (e) {
    if (!(e instanceof SocketError)) throw e
    return { kind: 'connect-failed', ip, errno: e.code }
  }
}

export const STRERROR: Record<SocketErrorCode, string> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  ECONNRESET: 'Connection reset by peer',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
}

/** The file name wget saves to: the URL's last path segment, or index.html. */
export function remoteName(url: WgetUrl): string {
  const last = url.path.split('?')[0]!.split('/').pop() ?? ''
  return last === '' ? 'index.html' : last
}

export function header(r: ReceivedResponse, name: string): string | undefined {
  return r.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]
}
