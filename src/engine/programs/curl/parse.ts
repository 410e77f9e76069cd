/**
 * curl 7.68.0 (Ubuntu 20.04, the tutorial host's) command line: URL, -s -S
 * -i -I -v -f -L -o -O -w -X -d -H -A -m --connect-timeout, short flags
 * bundled as curl allows (`-sSL`, `-fsSLo file`).
 */
export interface CurlOptions {
  readonly url: string
  readonly include: boolean
  readonly head: boolean
  readonly silent: boolean
  readonly showError: boolean
  readonly verbose: boolean
  readonly fail: boolean
  readonly location: boolean
  readonly output?: string
  readonly remoteName: boolean
  readonly writeOut?: string
  readonly method?: string
  readonly data?: string
  readonly connectTimeoutMs?: number
  readonly maxTimeMs?: number
  readonly headers: readonly string[]
}

export type CurlParse = { readonly ok: true; readonly options: CurlOptions } | { readonly ok: false; readonly stderr: string; readonly exitCode: number }

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n"

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const BOOLS: Record<string, keyof CurlOptions> = {
  i: 'include', include: 'include', I: 'head', head: 'head', s: 'silent', silent: 'silent', S: 'showError', 'show-error': 'showError',
  v: 'verbose', verbose: 'verbose', f: 'fail', fail: 'fail', L: 'location', location: 'location', O: 'remoteName', 'remote-name': 'remoteName',
}
const VALUES: Record<string, string> = {
  o: 'output', output: 'output', w: 'write-out', 'write-out': 'write-out', X: 'request', request: 'request', d: 'data', data: 'data', 'data-raw': 'data', 'data-binary': 'data',
  H: 'header', header: 'header', A: 'user-agent', 'user-agent': 'user-agent', m: 'max-time', 'max-time': 'max-time', 'connect-timeout': 'connect-timeout',
}

export function parseCurl(argv: readonly string[]): CurlParse {
  const o: Mutable<Omit<CurlOptions, 'url' | 'headers'>> = { include: false, head: false, silent: false, showError: false, verbose: false, fail: false, location: false, remoteName: false }
  const headers: string[] = []
  let url: string | undefined
  const args = argv.slice(1)
  const setValue = (name: string, value: string | undefined, shown: string): CurlParse | undefined => {
    if (value === undefined) return { ok: false, stderr: `curl: option ${shown}: requires parameter\n${TRY}`, exitCode: 2 }
    const seconds = Number(value)
    switch (name) {
      case 'output': o.output = value; break
      case 'write-out': o.writeOut = value; break
      case 'request': o.method = value; break
      case 'data': o.data = o.data === undefined ? value : `${o.data}&${value}`; break
      case 'header': headers.push(value); break
      case 'user-agent': headers.push(`User-Agent: ${value}`); break
      case 'max-time':
      case 'connect-timeout':
        if (!Number.isFinite(seconds)) return { ok: false, stderr: `curl: option ${shown}: expected a proper numerical parameter\n${TRY}`, exitCode: 2 }
        if (name === 'max-time') o.maxTimeMs = seconds * 1000
        else o.connectTimeoutMs = seconds * 1000
    }
    return undefined
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2)
      const bool = BOOLS[name]
      if (bool) (o as Record<string, unknown>)[bool] = true
      else if (VALUES[name]) {
        const failed = setValue(VALUES[name]!, args[++i], a)
        if (failed) return failed
      } else return { ok: false, stderr: `curl: option ${a}: is unknown\n${TRY}`, exitCode: 2 }
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!
        const bool = BOOLS[c]
        if (bool) (o as Record<string, unknown>)[bool] = true
        else if (VALUES[c]) {
          const rest = a.slice(j + 1)
          const failed = setValue(VALUES[c]!, rest !== '' ? rest : args[++i], `-${c}`)
          if (failed) return failed
          break
        } else return { ok: false, stderr: `curl: option -${c}: is unknown\n${TRY}`, exitCode: 2 }
      }
    } else url = a
  }
  if (url === undefined) return { ok: false, stderr: TRY, exitCode: 2 }
  return { ok: true, options: { ...o, url, headers } }
}

export interface Url {
  readonly host: string
  readonly port: number
  readonly path: string
  /** Host header value: the port only when it is not the scheme's default. */
  readonly hostHeader: string
  /** The URL as curl reports it (%{url_effective}): scheme added, path at least `/`. */
  readonly effective: string
}

/** http://HOST[:PORT][/PATH]; a URL without a scheme is http. `unsupported` for other schemes. */
export function parseUrl(text: string): Url | { unsupported: string } | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(text)
  if (!m) return undefined
  const scheme = (m[1] ?? 'http').toLowerCase()
  if (scheme !== 'http') return { unsupported: scheme }
  const port = m[3] !== undefined ? Number(m[3]) : 80
  const path = m[4] === '' || m[4] === undefined ? '/' : m[4]!.startsWith('/') ? m[4]! : `/${m[4]}`
  const hostHeader = m[3] !== undefined ? `${m[2]}:${m[3]}` : m[2]!
  return { host: m[2]!, port, path, hostHeader, effective: `http://${hostHeader}${path}` }
}

/** A Location header against the current URL (absolute, or a path on the same host). */
export function resolveLocation(base: Url, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return location
  if (location.startsWith('/')) return `http://${base.hostHeader}${location}`
  return `http://${base.hostHeader}${base.path.replace(/[^/]*$/, '')}${location}`
}
