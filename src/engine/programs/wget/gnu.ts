/**
 * GNU Wget 1.21 (Debian bullseye; the tomcat image has it): -O FILE, -q,
 * -S, --spider, -T SEC, -U AGENT. Messages as wget prints them in the C
 * locale (straight quotes), the progress bar at 80 columns, and exit 8 for
 * a server error, 4 for a network failure.
 */
import { FsError, resolvePath } from '../../kernel/fs/fs'
import { civilDate } from '../../../lib/http-date'
import type { Program } from '../../shell/runtime'
import { header, parseWgetUrl, remoteName, STRERROR, wgetFetch } from './fetch'

const pad = (n: number): string => String(n).padStart(2, '0')
function stamp(epochMs: number): string {
  const days = Math.floor(epochMs / 86400000)
  const rest = Math.floor(epochMs) - days * 86400000
  const { y, m, d } = civilDate(days)
  return `${y}-${pad(m)}-${pad(d)} ${pad(Math.floor(rest / 3600000))}:${pad(Math.floor((rest % 3600000) / 60000))}:${pad(Math.floor((rest % 60000) / 1000))}`
}

/** The bar of a finished transfer, 80 columns (progress.c create_image). */
export function gnuBar(name: string, size: number): string {
  const label = name.length > 19 ? name.slice(0, 19) : name.padEnd(19)
  return `${label} 100%[===================>] ${String(size).padStart(7)}  --.-KB/s    in 0s      \n`
}

export function createGnuWgetProgram(options: { epochMs: number }): Program {
  return async (ctx) => {
    const { proc } = ctx
    const now = (): string => stamp(options.epochMs + ctx.kernel.clock.now())
    let output: string | undefined
    let quiet = false
    let spider = false
    let showHead = false
    let timeoutMs: number | undefined
    let agent = 'Wget/1.21'
    const urls: string[] = []
    const args = ctx.argv.slice(1)
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!
      if (a === '-q' || a === '--quiet') quiet = true
      else if (a === '--spider') spider = true
      else if (a === '-S' || a === '--server-response') showHead = true
      else if (a === '-O' || a === '--output-document') output = args[++i]
      else if (a.startsWith('-O') && a.length > 2) output = a.slice(2)
      else if (a.startsWith('--output-document=')) output = a.slice(18)
      else if (a === '-qO-') {
        quiet = true
        output = '-'
      }
      else if (a === '-T' || a === '--timeout') timeoutMs = Number(args[++i]) * 1000
      else if (a === '-U' || a === '--user-agent') agent = args[++i] ?? agent
      else if (a.startsWith('-') && a !== '-') {
        proc.err(`wget: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`}\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`)
        return 2
      } else urls.push(a)
    }
    if (urls.length === 0) {
      proc.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n")
      return 1
    }
    let exit = 0
    for (const text of urls) {
      const url = parseWgetUrl(text)
      if (!url || 'unsupported' in url) {
        proc.err(`${text}: Unsupported scheme '${url && 'unsupported' in url ? url.unsupported : ''}'.\n`)
        exit = 1
        continue
      }
      const log = (s: string): void => {
        if (!quiet) proc.err(s)
      }
      log(`--${now()}--  ${url.text}\n`)
      const outcome = await wgetFetch(ctx, url, { method: spider ? 'HEAD' : 'GET', userAgent: agent, extraHeaders: [['Accept', '*/*'], ['Accept-Encoding', 'identity'], ['Connection', 'Keep-Alive']], ...(timeoutMs !== undefined ? { timeoutMs } : {}) }, (ip, literal) => {
        if (!literal) log(`Resolving ${url.host} (${url.host})... ${ip}\n`)
        log(literal ? `Connecting to ${ip}:${url.port}... ` : `Connecting to ${url.host} (${url.host})|${ip}|:${url.port}... `)
      })
      if (outcome.kind === 'resolve-failed') {
        log(`Resolving ${url.host} (${url.host})... failed: Name or service not known.\n`)
        proc.err(`wget: unable to resolve host address '${url.host}'\n`)
        exit = 4
        continue
      }
      if (outcome.kind === 'connect-failed') {
        log(`failed: ${STRERROR[outcome.errno]}.\n`)
        exit = 4
        continue
      }
      const r = outcome.response
      log(`connected.\nHTTP request sent, awaiting response... ${showHead ? `\n${r.head.slice(0, -4).split('\r\n').map((l) => `  ${l}\n`).join('')}` : `${outcome.status} ${outcome.reason}\n`}`)
      if (outcome.status >= 400) {
        log(`${now()} ERROR ${outcome.status}: ${outcome.reason === '' ? '(no description)' : outcome.reason}.\n\n`)
        exit = 8
        continue
      }
      const size = Number(header(r, 'content-length') ?? r.body.length)
      const type = header(r, 'content-type')
      log(`Length: ${size}${type ? ` [${type}]` : ''}\n`)
      if (spider) {
        log('Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n')
        continue
      }
      let file = output ?? remoteName(url)
      if (output === undefined) for (let n = 1; proc.sandbox.fs.exists(resolvePath(proc.cwd, file)); n++) file = `${remoteName(url)}.${n}`
      if (file === '-') {
        log('Saving to: \'STDOUT\'\n\n')
        proc.out(r.body)
        log(`${gnuBar('-', size)}\n${now()} (${speed(size)}) - written to stdout [${size}/${size}]\n\n`)
        continue
      }
      try {
        proc.sandbox.fs.writeFile(resolvePath(proc.cwd, file), r.body)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        proc.err(`${file}: ${e.message}\n`)
        return 3
      }
      log(`Saving to: '${file}'\n\n${gnuBar(file, size)}\n${now()} (${speed(size)}) - '${file}' saved [${size}/${size}]\n\n`)
    }
    return exit
  }
}

/** wget's rate for a sub-millisecond transfer of `size` bytes, as it prints it. */
function speed(size: number): string {
  const bps = size / 0.00001
  return bps >= 1024 * 1024 ? `${(bps / 1024 / 1024).toFixed(1)} MB/s` : `${(bps / 1024).toFixed(0)} KB/s`
}
