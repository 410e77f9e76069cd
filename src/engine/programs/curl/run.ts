/**
 * curl's transfer: resolve the host (getaddrinfo), connect over the light
 * TCP (refused, timed out, unreachable as the kernel says), send the request
 * like curl 7.68.0 and collect the response until the server closes.
 */
import { formatIpv4, type Ipv4 } from '../../../lib/ipv4'
import { httpExchange, parseResponse, type HttpRequest, type ReceivedResponse } from '../../kernel/net/http'
import { resolveHost } from '../../kernel/net/resolver'
import { SocketError } from '../../kernel/net/sockets'
import type { ProgramContext } from '../../shell/runtime'
import type { CurlOptions, Url } from './parse'

export type CurlOutcome =
  | { readonly kind: 'response'; readonly response: ReceivedResponse; readonly request: HttpRequest; readonly remote: string; readonly elapsedMs: number }
  | { readonly kind: 'resolve-failed' }
  | { readonly kind: 'connect-failed'; readonly errno: SocketError['code']; readonly remote: string }
  | { readonly kind: 'connect-timeout'; readonly ms: number; readonly remote: string }

export function buildRequest(url: Url, o: CurlOptions): HttpRequest {
  const extra = o.headers.map((h) => [h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1).trim()] as [string, string])
  const has = (name: string): boolean => extra.some(([k]) => k.toLowerCase() === name.toLowerCase())
  const headers: [string, string][] = [['Host', url.hostHeader]]
  if (!has('User-Agent')) headers.push(['User-Agent', 'curl/7.68.0'])
  if (!has('Accept')) headers.push(['Accept', '*/*'])
  headers.push(...extra.filter(([k]) => k !== 'User-Agent' || has('User-Agent')))
  if (o.data !== undefined) {
    headers.push(['Content-Length', String(o.data.length)])
    if (!has('Content-Type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded'])
  }
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET')
  return { method, target: url.path, version: 'HTTP/1.1', headers, ...(o.data !== undefined ? { body: o.data } : {}) }
}

export async function fetchUrl(ctx: ProgramContext, url: Url, o: CurlOptions, onTrying?: (address: Ipv4) => void): Promise<CurlOutcome> {
  const { proc, kernel } = ctx
  const { fs, net } = proc.sandbox
  const resolved = await proc.waitFor(resolveHost(fs, net, url.host))
  if (!resolved.ok) return { kind: 'resolve-failed' }
  const remote = formatIpv4(resolved.address)
  onTrying?.(resolved.address)
  const limit = o.connectTimeoutMs ?? o.maxTimeMs
  const request = buildRequest(url, o)
  const started = kernel.clock.now()
  try {
    const text = await proc.waitFor(httpExchange(kernel.net.sockets, net, { address: resolved.address, port: url.port }, request, limit !== undefined ? { timeoutMs: limit } : {}))
    const response = parseResponse(text)
    return response ? { kind: 'response', response, request, remote, elapsedMs: kernel.clock.now() - started } : { kind: 'connect-failed', errno: 'ECONNRESET', remote }
  } catch (e) {
    if (!(e instanceof SocketError)) throw e
    if (e.code === 'ETIMEDOUT' && limit !== undefined) return { kind: 'connect-timeout', ms: limit + 1, remote }
    return { kind: 'connect-failed', errno: e.code, remote }
  }
}
