/** curl 7.68.0 (Ubuntu 20.04, the tutorial host's) command line: URL, -s -S -i -I -m --connect-timeout -H -A. */
export interface CurlOptions {
  readonly url: string
  readonly include: boolean
  readonly head: boolean
  readonly silent: boolean
  readonly connectTimeoutMs?: number
  readonly maxTimeMs?: number
  readonly headers: readonly string[]
}

export type CurlParse = { readonly ok: true; readonly options: CurlOptions } | { readonly ok: false; readonly stderr: string; readonly exitCode: number }

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n"

export function parseCurl(argv: readonly string[]): CurlParse {
  let url: string | undefined
  let include = false
  let head = false
  let silent = false
  let connectTimeoutMs: number | undefined
  let maxTimeMs: number | undefined
  const headers: string[] = []
  const args = argv.slice(1)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const seconds = (): number | undefined => {
      const v = Number(args[++i])
      return Number.isFinite(v) ? v * 1000 : undefined
    }
    if (a === '-i' || a === '--include') include = true
    else if (a === '-I' || a === '--head') head = true
    else if (a === '-s' || a === '--silent' || a === '-S' || a === '--show-error' || a === '-sS' || a === '-L' || a === '--location') silent ||= a.startsWith('-s')
    else if (a === '--connect-timeout') connectTimeoutMs = seconds()
    else if (a === '-m' || a === '--max-time') maxTimeMs = seconds()
    else if (a === '-H' || a === '--header') headers.push(args[++i] ?? '')
    else if (a.startsWith('-') && a.length > 1) return { ok: false, stderr: `curl: option ${a}: is unknown\n${TRY}`, exitCode: 2 }
    else url = a
  }
  if (url === undefined) return { ok: false, stderr: TRY, exitCode: 2 }
  return { ok: true, options: { url, include, head, silent, headers, ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}), ...(maxTimeMs !== undefined ? { maxTimeMs } : {}) } }
}

export interface Url {
  readonly host: string
  readonly port: number
  readonly path: string
  /** Host header value: the port only when it is not the scheme's default. */
  readonly hostHeader: string
}

/** http://HOST[:PORT][/PATH]; a URL without a scheme is http. undefined for other schemes. */
export function parseUrl(text: string): Url | { unsupported: string } | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(text)
  if (!m) return undefined
  const scheme = (m[1] ?? 'http').toLowerCase()
  if (scheme !== 'http') return { unsupported: scheme }
  const port = m[3] !== undefined ? Number(m[3]) : 80
  const path = m[4] === '' || m[4] === undefined ? '/' : m[4]!.startsWith('/') ? m[4]! : `/${m[4]}`
  return { host: m[2]!, port, path, hostHeader: m[3] !== undefined ? `${m[2]}:${m[3]}` : m[2]! }
}
