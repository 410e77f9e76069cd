/**
 * A minimal HTTP/1.1 (RFC 9112) over the light TCP: `serveHttp` for the
 * image programs that answer requests (tomcat's 404 page on 8080, nginx's
 * welcome page on 80) and `httpGet` for curl and wget. One request per
 * connection (`Connection: close` semantics): the server answers and closes.
 * The text is built here from what the handler returns; the handler owns
 * the status, headers (in order) and body.
 */
import type { Ipv4 } from '../../../lib/ipv4'
import type { SocketApi, TcpConnection, TcpListener } from './sockets'
import type { NetNamespace } from './types'

export interface HttpRequest {
  readonly method: string
  readonly target: string
  readonly version: string
  /** Header names as sent, in order. */
  readonly headers: readonly (readonly [string, string])[]
  /** A request body (curl -d, wget --post-data); servers here answer without reading it. */
  readonly body?: string
}

export interface HttpResponse {
  readonly status: number
  readonly reason: string
  readonly headers: readonly (readonly [string, string])[]
  readonly body: string
}

export function formatRequest(r: HttpRequest): string {
  return `${r.method} ${r.target} ${r.version}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${r.body ?? ''}`
}

export function formatResponse(r: HttpResponse, version = 'HTTP/1.1'): string {
  return `${version} ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${r.body}`
}

function parseHead(text: string): { start: string; headers: [string, string][]; rest: string } | undefined {
  const end = text.indexOf('\r\n\r\n')
  if (end < 0) return undefined
  const [start, ...lines] = text.slice(0, end).split('\r\n')
  const headers = lines.map((l) => {
    const i = l.indexOf(':')
    return [l.slice(0, i), l.slice(i + 1).trim()] as [string, string]
  })
  return { start: start!, headers, rest: text.slice(end + 4) }
}

export function parseRequest(text: string): HttpRequest | undefined {
  const head = parseHead(text)
  if (!head) return undefined
  const [method, target, version] = head.start.split(' ')
  if (!method || !target || !version) return undefined
  return { method, target, version, headers: head.headers, ...(head.rest !== '' ? { body: head.rest } : {}) }
}

/** A response as received: the raw head (status line and header lines) and the body. */
export interface ReceivedResponse {
  readonly statusLine: string
  readonly headers: readonly (readonly [string, string])[]
  readonly head: string
  readonly body: string
}

export function parseResponse(text: string): ReceivedResponse | undefined {
  const head = parseHead(text)
  if (!head) return undefined
  return { statusLine: head.start, headers: head.headers, head: text.slice(0, text.indexOf('\r\n\r\n') + 4), body: head.rest }
}

export type HttpHandler = (request: HttpRequest, connection: TcpConnection) => HttpResponse

/** Listens on `port` in `ns`; each connection's request gets the handler's response, then the server closes. */
export function serveHttp(sockets: SocketApi, ns: NetNamespace, port: number, handler: HttpHandler, address: Ipv4 = 0): TcpListener {
  const listener = sockets.tcpListen(ns, { address, port })
  listener.onConnection((conn) => {
    let buffer = ''
    conn.onData((data) => {
      buffer += data
      const request = parseRequest(buffer)
      if (!request) return
      const response = handler(request, conn)
      conn.send(formatResponse(response, request.version === 'HTTP/1.0' ? 'HTTP/1.0' : 'HTTP/1.1'))
      conn.close()
    })
  })
  return listener
}

/**
 * Sends `request` over a new connection and collects everything the server
 * sends until it closes. Rejects with the SocketError of the connect.
 */
export async function httpExchange(sockets: SocketApi, ns: NetNamespace, to: { address: Ipv4; port: number }, request: HttpRequest, options: { timeoutMs?: number } = {}): Promise<string> {
  const conn = await sockets.tcpConnect(ns, to, options)
  return new Promise((resolve) => {
    let text = ''
    conn.onData((d) => (text += d))
    conn.onClose(() => {
      conn.close()
      resolve(text)
    })
    conn.send(formatRequest(request))
  })
}
