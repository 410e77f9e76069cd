/** `bridge` (iproute2 6.1) command line: `link [show] [dev DEV]`, `fdb [show] [br BR] [dev DEV]`, `-V`. */
export type BridgeCommand =
  | { readonly kind: 'link'; readonly dev?: string }
  | { readonly kind: 'fdb'; readonly br?: string; readonly dev?: string }
  | { readonly kind: 'version' }

export type BridgeParse = { readonly ok: true; readonly command: BridgeCommand } | { readonly ok: false; readonly stderr: string; readonly exitCode: number }

const USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -c[ompressvlan] -color -p[retty] -j[son] }
`

const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word)

export function parseBridge(argv: readonly string[]): BridgeParse {
  const args = argv.slice(1)
  while (args[0]?.startsWith('-')) {
    const opt = args.shift()!
    if (opt === '-V' || opt === '-Version') return { ok: true, command: { kind: 'version' } }
    return { ok: false, stderr: `Option "${opt}" is unknown, try "bridge help".\n`, exitCode: 255 }
  }
  const object = args.shift()
  if (object === undefined) return { ok: false, stderr: USAGE, exitCode: 255 }
  const rest = args[0] !== undefined && matches(args[0], 'show') ? args.slice(1) : args[0] !== undefined && matches(args[0], 'list') ? args.slice(1) : args
  const pairs = (allowed: string[]): Record<string, string> | BridgeParse => {
    const out: Record<string, string> = {}
    for (let i = 0; i < rest.length; i += 2) {
      const key = rest[i]!
      if (!allowed.includes(key)) return { ok: false, stderr: `Command "${key}" is unknown, try "bridge ${object} help".\n`, exitCode: 255 }
      const value = rest[i + 1]
      if (value === undefined) return { ok: false, stderr: 'Command line is not complete. Try option "help"\n', exitCode: 255 }
      out[key] = value
    }
    return out
  }
  if (matches(object, 'link')) {
    const p = pairs(['dev'])
    if ('ok' in p) return p as BridgeParse
    return { ok: true, command: { kind: 'link', ...(p.dev !== undefined ? { dev: p.dev } : {}) } }
  }
  if (matches(object, 'fdb')) {
    const p = pairs(['br', 'dev'])
    if ('ok' in p) return p as BridgeParse
    return { ok: true, command: { kind: 'fdb', ...(p.br !== undefined ? { br: p.br } : {}), ...(p.dev !== undefined ? { dev: p.dev } : {}) } }
  }
  return { ok: false, stderr: `Object "${object}" is unknown, try "bridge help".\n`, exitCode: 255 }
}
