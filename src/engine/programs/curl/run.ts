/**
 * curl's transfer: resolve the host (getaddrinfo), connect over the light
 * TCP (refused, timed out, unreachable as the kernel says), send a GET (or
 * HEAD) like curl 7.68.0 and collect the response until the server closes.
 */
import { httpExchange, parseResponse, type ReceivedResponse } from '../../kernel/net/http'
import { resolveHost } from '../../kernel/net/resolver'
import { SocketError } from '../../kernel/net/sockets'
import type { ProgramContext } from '../../shell/runtime'
import type { CurlOptions, Url } from './parse'

export type CurlOutcome =
  | { readonly kind: 'response'; readonly response: ReceivedResponse }
  | { readonly kind: 'resolve-failed' }
  | { readonly kind: 'connect-failed'; readonly errno: SocketError['code'] }
  | { readonly kind: 'connect-timeout'; readonly ms: number }

export async function fetchUrl(ctx: ProgramContext, url: Url, o: CurlOptions): Promise<CurlOutcome> {
  const { proc, kernel } = ctx
  const { fs, net } = proc.sandbox
  const resolved = await proc.waitFor(resolveHost(fs, net, url.host))
  if (!resolved.ok) return { kind: 'resolve-failed' }
  const limit = o.connectTimeoutMs ?? o.maxTimeMs
  const request = {
    method: o.head ? 'HEAD' : 'GET',
    target: url.path,
    version: 'HTTP/1.1',
    headers: [['Host', url.hostHeader], ['User-Agent', 'curl/7.68.0'], ['Accept', '*/*'], ...o.headers.map((h) => [h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1).trim()] as [string, string])] as [string, string][],
  }
  try {
    const text = await proc.waitFor(httpExchange(kernel.net.sockets, net, { address: resolved.address, port: url.port }, request, limit !== undefined ? { timeoutMs: limit } : {}))
    const response = parseResponse(text)
    return response ? { kind: 'response', response } : { kind: 'connect-failed', errno: 'ECONNRESET' }
  } catch (e) {
    if (!(e instanceof SocketError)) throw e
    if (e.code === 'ETIMEDOUT' && limit !== undefined) return { kind: 'connect-timeout', ms: limit + 1 }
    return { kind: 'connect-failed', errno: e.code }
  }
}

