/** `curl` 7.68.0, HTTP GET/HEAD only, no progress meter (as on a terminal). parse.ts → run.ts → format.ts. */
import type { Program } from '../../shell/runtime'
import * as fmt from './format'
import { parseCurl, parseUrl } from './parse'
import { fetchUrl } from './run'

export const curlProgram: Program = async (ctx) => {
  const parsed = parseCurl(ctx.argv)
  if (!parsed.ok) {
    ctx.proc.err(parsed.stderr)
    return parsed.exitCode
  }
  const o = parsed.options
  const url = parseUrl(o.url)
  if (!url) {
    ctx.proc.err(fmt.malformed)
    return 3
  }
  if ('unsupported' in url) {
    ctx.proc.err(fmt.unsupported(url.unsupported))
    return 1
  }
  const outcome = await fetchUrl(ctx, url, o)
  switch (outcome.kind) {
    case 'resolve-failed':
      ctx.proc.err(fmt.couldNotResolve(url.host))
      return 6
    case 'connect-failed':
      ctx.proc.err(fmt.failedToConnect(url.host, url.port, outcome.errno))
      return 7
    case 'connect-timeout':
      ctx.proc.err(fmt.connectTimeout(outcome.ms))
      return 28
    case 'response':
      ctx.proc.out(fmt.formatBody(outcome.response, o.include, o.head))
      return 0
  }
}
