/**
 * BusyBox 1.33 `wget` (alpine, busybox images): -O FILE (- for stdout), -q,
 * -S (show the response head), --spider, -T SEC, -U AGENT. Messages from
 * networking/wget.c; the progress bar from libbb/progress.c on an 80-column
 * terminal.
 */
import { FsError, resolvePath } from '../../kernel/fs/fs'
import type { Program } from '../../shell/runtime'
import { header, parseWgetUrl, remoteName, STRERROR, wgetFetch } from './fetch'

const USAGE = `BusyBox v1.33.1 () multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header 'HEADER: VALUE'] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

	--spider	Only check URL existence: $? is 0 if exists
	--no-check-certificate	Don't validate the server's certificate
	-c		Continue retrieval of aborted transfer
	-q		Quiet
	-P DIR		Save to DIR (default .)
	-S    		Show server response
	-T SEC		Network read timeout is SEC seconds
	-O FILE		Save to FILE ('-' for stdout)
	-o LOGFILE	Log messages to FILE
	-U STR		Use STR for User-Agent header
	-Y on/off	Use proxy
`

/** libbb/progress.c's final line for a finished transfer. */
export function busyboxBar(name: string, size: number): string {
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`
}

export const busyboxWgetProgram: Program = async (ctx) => {
  const { proc } = ctx
  let output: string | undefined
  let quiet = false
  let spider = false
  let showHead = false
  let timeoutMs: number | undefined
  let agent = 'Wget'
  const urls: string[] = []
  const args = ctx.argv.slice(1)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--help') {
      proc.err(USAGE)
      return 1
    } else if (a === '-q' || a === '--quiet') quiet = true
    else if (a === '--spider') spider = true
    else if (a === '-S' || a === '--server-response') showHead = true
    else if (a === '-O' || a === '--output-document') output = args[++i]
    else if (a.startsWith('-O') && a.length > 2) output = a.slice(2)
    else if (a === '-T' || a === '--timeout') timeoutMs = Number(args[++i]) * 1000
    else if (a === '-U' || a === '--user-agent') agent = args[++i] ?? agent
    else if (a === '-qO' || a === '-qO-') {
      quiet = true
      output = a === '-qO-' ? '-' : args[++i]
    } else if (a.startsWith('-') && a !== '-') {
      proc.err(`wget: unrecognized option '${a.replace(/^-+/, a.startsWith('--') ? '--' : '-')}'\n${USAGE}`)
      return 1
    } else urls.push(a)
  }
  if (urls.length === 0) {
    proc.err(USAGE)
    return 1
  }
  let status = 0
  for (const text of urls) {
    const url = parseWgetUrl(text)
    if (!url || 'unsupported' in url) {
      proc.err(`wget: not an http or ftp url: ${text}\n`)
      return 1
    }
    const outcome = await wgetFetch(ctx, url, { method: spider ? 'HEAD' : 'GET', userAgent: agent, ...(timeoutMs !== undefined ? { timeoutMs } : {}) }, (ip) => {
      if (!quiet) proc.err(`Connecting to ${url.hostHeader} (${ip}:${url.port})\n`)
    })
    if (outcome.kind === 'resolve-failed') {
      proc.err(`wget: bad address '${url.hostHeader}'\n`)
      return 1
    }
    if (outcome.kind === 'connect-failed') {
      proc.err(outcome.errno === 'ETIMEDOUT' ? 'wget: download timed out\n' : `wget: can't connect to remote host (${outcome.ip}): ${STRERROR[outcome.errno]}\n`)
      return 1
    }
    const r = outcome.response
    if (showHead && !quiet) proc.err(r.head.slice(0, -4).split('\r\n').map((l) => `  ${l}\n`).join(''))
    if (outcome.status < 200 || outcome.status > 299) {
      proc.err(`wget: server returned error: ${r.statusLine}\n`)
      return 1
    }
    if (spider) {
      if (!quiet) proc.err('remote file exists\n')
      continue
    }
    const file = output ?? remoteName(url)
    const size = Number(header(r, 'content-length') ?? r.body.length)
    if (file === '-') {
      if (!quiet) proc.err('writing to stdout\n')
      proc.out(r.body)
      if (!quiet) proc.err(`${busyboxBar('-', size)}written to stdout\n`)
      continue
    }
    const path = resolvePath(proc.cwd, file)
    if (output === undefined && proc.sandbox.fs.exists(path)) {
      proc.err(`wget: can't open '${file}': File exists\n`)
      return 1
    }
    try {
      proc.sandbox.fs.writeFile(path, r.body)
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      proc.err(`wget: can't open '${file}': ${e.message}\n`)
      return 1
    }
    if (!quiet) proc.err(`saving to '${file}'\n${busyboxBar(file, size)}'${file}' saved\n`)
    status = 0
  }
  return status
}
