/**
 * `curl` 7.68.0 over the model: HTTP only. parse.ts → run.ts → format.ts.
 * stdout gets the body (or the head with -i/-I), stderr the -v trace, the
 * progress meter (when the body goes to a file or a pipe, unless -s) and
 * errors (-s hides them, -S shows them again).
 */
import { formatIpv4 } from '../../../lib/ipv4'
import { basename, FsError, resolvePath } from '../../kernel/fs/fs'
import type { Program, ProgramContext } from '../../shell/runtime'
import * as fmt from './format'
import { parseCurl, parseUrl, resolveLocation, type CurlOptions, type Url } from './parse'
import { fetchUrl, type CurlOutcome } from './run'

const MAX_REDIRS = 50

export const curlProgram: Program = async (ctx) => {
  const parsed = parseCurl(ctx.argv)
  if (!parsed.ok) {
    ctx.proc.err(parsed.stderr)
    return parsed.exitCode
  }
  const o = parsed.options
  const { proc } = ctx
  const error = (text: string): void => {
    if (!o.silent || o.showError) proc.err(text)
  }
  let url = parseUrl(o.url)
  let outcome: CurlOutcome | undefined
  let redirects = 0
  const meter = !o.silent && !o.verbose && (o.output !== undefined || o.remoteName || !proc.stdout.tty)
  if (meter) proc.err(fmt.PROGRESS_HEAD + fmt.progressLine(0, 0, 0))
  for (;;) {
    if (!url) return fail(3, fmt.malformed)
    if ('unsupported' in url) return fail(1, fmt.unsupported(url.unsupported))
    const target: Url = url
    outcome = await fetchUrl(ctx, target, o, (address) => o.verbose && proc.err(fmt.verbose.trying(formatIpv4(address), target.port)))
    if (outcome.kind !== 'response') break
    if (o.verbose) proc.err(fmt.verbose.connected(target.host, outcome.remote, target.port) + fmt.verbose.request(outcome.request) + fmt.verbose.response(outcome.response))
    const status = statusOf(outcome.response.statusLine)
    const location = outcome.response.headers.find(([k]) => k.toLowerCase() === 'location')?.[1]
    if (!o.location || status.code < 300 || status.code > 399 || location === undefined) break
    if (++redirects > MAX_REDIRS) return fail(47, fmt.tooManyRedirects(MAX_REDIRS))
    if (o.verbose) proc.err(`${fmt.verbose.intact(target.host)}* Issue another request to this URL: '${resolveLocation(target, location)}'\n`)
    url = parseUrl(resolveLocation(target, location))
  }
  const final = url as Url
  switch (outcome.kind) {
    case 'resolve-failed':
      return fail(6, fmt.couldNotResolve(final.host))
    case 'connect-failed':
      if (o.verbose) proc.err(fmt.verbose.failed(outcome.remote, final.port, outcome.errno))
      return fail(7, fmt.failedToConnect(final.host, final.port, outcome.errno))
    case 'connect-timeout':
      return fail(28, fmt.connectTimeout(outcome.ms))
    case 'response':
      break
  }
  const { response, elapsedMs, remote } = outcome
  const status = statusOf(response.statusLine)
  if (o.fail && status.code >= 400) {
    if (o.verbose) proc.err('* The requested URL returned error: ' + status.text + '\n* Closing connection 0\n')
    return fail(22, fmt.httpError(status.text))
  }
  const data = fmt.formatBody(response, o.include, o.head)
  const written = writeBody(ctx, o, final, data)
  if (written !== 0) return written
  if (meter) proc.err(fmt.progressLine(response.body.length, response.body.length, elapsedMs) + '\n')
  if (o.verbose) proc.err(fmt.verbose.intact(final.host))
  if (o.writeOut !== undefined) {
    const contentType = response.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? ''
    proc.out(
      fmt.writeOut(o.writeOut, {
        http_code: String(status.code).padStart(3, '0'),
        response_code: String(status.code).padStart(3, '0'),
        size_download: String(response.body.length),
        size_header: String(response.head.length),
        content_type: contentType,
        url_effective: final.effective,
        remote_ip: remote,
        remote_port: String(final.port),
        num_redirects: String(redirects),
        time_total: (elapsedMs / 1000).toFixed(6),
        time_connect: (elapsedMs / 2000).toFixed(6),
      }),
    )
  }
  return 0

  function fail(code: number, text: string): number {
    error(text)
    return code
  }
}

function writeBody(ctx: ProgramContext, o: CurlOptions, url: Url, data: string): number {
  const { proc } = ctx
  let file = o.output
  if (file === undefined && o.remoteName) {
    file = basename(url.path.split('?')[0] ?? '')
    if (url.path.endsWith('/') || file === '') {
      if (!o.silent || o.showError) proc.err(fmt.noRemoteName)
      return 23
    }
  }
  if (file === undefined || file === '-') {
    proc.out(data)
    return 0
  }
  try {
    proc.sandbox.fs.writeFile(resolvePath(proc.cwd, file), data)
    return 0
  } catch (e) {
    if (!(e instanceof FsError)) throw e
    if (!o.silent || o.showError) proc.err(fmt.cannotCreate(file, e.message))
    return 23
  }
}

function statusOf(statusLine: string): { code: number; text: string } {
  const [, code = '0', ...reason] = statusLine.split(' ')
  return { code: Number(code), text: [code, ...reason].join(' ') }
}
