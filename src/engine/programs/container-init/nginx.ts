/**
 * `nginx -g 'daemon off;'`: the nginx image's main process (nginx 1.21.1 on
 * Debian buster). It logs its start-up notices (error_log is /dev/stderr in
 * the image), listens on 0.0.0.0:80 and serves files from
 * /usr/share/nginx/html (index.html for a directory), reading them from the
 * container's filesystem at each request, and writes the access log line
 * (`combined` plus `"$http_x_forwarded_for"`) to stdout. SIGTERM/SIGINT is a
 * fast shutdown, SIGQUIT a graceful one; both exit 0 as nginx does.
 */
import { httpDate, nginxTimes, utf8Length } from '../../../lib/http-date'
import { formatIpv4 } from '../../../lib/ipv4'
import { serveHttp, type HttpRequest, type HttpResponse } from '../../kernel/net/http'
import type { TcpListener } from '../../kernel/net/sockets'
import { Interrupted, type SignalName } from '../../kernel/proc/errors'
import type { Program } from '../../shell/runtime'

export interface NginxOptions {
  readonly epochMs: number
  readonly kernelRelease?: string
  /** Worker processes: `auto` = the host's CPUs. */
  readonly cpus?: number
}

export const NGINX_VERSION = 'nginx/1.21.1'
const ROOT = '/usr/share/nginx/html'

/** ngx_http_special_response.c's pages (CRLF line ends, as nginx writes them). */
export function nginxErrorPage(status: number, reason: string): string {
  const title = `${status} ${reason}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`
}

export function createNginxProgram(options: NginxOptions): Program {
  return async (ctx) => {
    const { proc } = ctx
    const now = (): number => options.epochMs + ctx.kernel.clock.now()
    const notice = (text: string): void => proc.err(`${nginxTimes(now()).error} [notice] ${proc.pid}#${proc.pid}: ${text}\n`)
    const args = ctx.argv.slice(1)
    if (args[0] === '-v' || args[0] === '-V') {
      proc.err(`nginx version: ${NGINX_VERSION}\n`)
      return 0
    }
    const fs = proc.sandbox.fs

    const respond = (request: HttpRequest, remote: string): HttpResponse => {
      const common: [string, string][] = [
        ['Server', NGINX_VERSION],
        ['Date', httpDate(now())],
      ]
      const path = decodeURIComponent(request.target.split('?')[0] ?? '/')
      const file = path.endsWith('/') ? `${ROOT}${path}index.html` : `${ROOT}${path}`
      let body: string | undefined
      let mtime = 0
      try {
        body = fs.readFile(file)
        mtime = fs.lookup(file).mtime
      } catch {
        body = undefined
      }
      let response: HttpResponse
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        const page = nginxErrorPage(405, 'Not Allowed')
        response = { status: 405, reason: 'Not Allowed', headers: [...common, ['Content-Type', 'text/html'], ['Content-Length', String(page.length)], ['Connection', 'keep-alive']], body: page }
      } else if (body === undefined) {
        const page = nginxErrorPage(404, 'Not Found')
        response = { status: 404, reason: 'Not Found', headers: [...common, ['Content-Type', 'text/html'], ['Content-Length', String(page.length)], ['Connection', 'keep-alive']], body: page }
      } else {
        const length = utf8Length(body)
        const modified = Math.floor((options.epochMs + mtime) / 1000)
        response = {
          status: 200,
          reason: 'OK',
          headers: [
            ...common,
            ['Content-Type', file.endsWith('.html') ? 'text/html' : 'application/octet-stream'],
            ['Content-Length', String(length)],
            ['Last-Modified', httpDate(modified * 1000)],
            ['Connection', 'keep-alive'],
            ['ETag', `"${modified.toString(16)}-${length.toString(16)}"`],
            ['Accept-Ranges', 'bytes'],
          ],
          body,
        }
      }
      const sent = response.headers.find(([k]) => k === 'Content-Length')?.[1] ?? '0'
      const header = (name: string): string => request.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '-'
      proc.out(`${remote} - - [${nginxTimes(now()).access}] "${request.method} ${request.target} ${request.version}" ${response.status} ${sent} "${header('referer')}" "${header('user-agent')}" "${header('x-forwarded-for')}"\n`)
      return request.method === 'HEAD' ? { ...response, body: '' } : response
    }

    let listener: TcpListener
    try {
      listener = serveHttp(ctx.kernel.net.sockets, proc.sandbox.net, 80, (request, conn) => respond(request, formatIpv4(conn.remote.address)))
    } catch {
      proc.err(`${nginxTimes(now()).error} [emerg] ${proc.pid}#${proc.pid}: bind() to 0.0.0.0:80 failed (98: Address already in use)\n`)
      return 1
    }
    notice('using the "epoll" event method')
    notice(NGINX_VERSION)
    notice('built by gcc 8.3.0 (Debian 8.3.0-6) ')
    notice(`OS: Linux ${options.kernelRelease ?? '5.10.0-8-amd64'}`)
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576')
    notice('start worker processes')
    for (let i = 1; i <= (options.cpus ?? 2); i++) notice(`start worker process ${proc.pid + i}`)

    let stop: SignalName | undefined
    for (const s of ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const) proc.trap(s, () => (stop ??= s))
    while (!stop) {
      try {
        await proc.waitFor(new Promise<never>(() => {}))
      } catch (e) {
        if (!(e instanceof Interrupted)) throw e
      }
    }
    listener.close()
    notice(`signal ${stop === 'SIGQUIT' ? 3 : stop === 'SIGINT' ? 2 : 15} (${stop}) received, ${stop === 'SIGQUIT' ? 'shutting down' : 'exiting'}`)
    for (let i = 1; i <= (options.cpus ?? 2); i++) notice(`worker process ${proc.pid + i} exited with code 0`)
    notice('exit')
    return 0
  }
}
