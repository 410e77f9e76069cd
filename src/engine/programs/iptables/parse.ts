/**
 * iptables v1.8.9 (legacy) command line (iptables(8)): one command
 * (-L -S -A -I -D -N -X -F -P -Z), -t TABLE, the listing flags -n -v -x
 * --line-numbers, and the rule options of Docker's rules: [!] -s -d -i -o,
 * -p tcp|udp|icmp|all, --dport (-m tcp/udp), -m conntrack --ctstate,
 * -m addrtype --dst-type, -j TARGET [--to-destination IP[:PORT]].
 */
import type { RuleSpec, TableName, Target } from '../../kernel/net/iptables-types'

export type Command =
  | { readonly kind: 'list'; readonly chain?: string }
  | { readonly kind: 'save'; readonly chain?: string }
  | { readonly kind: 'append' | 'check'; readonly chain: string; readonly rule: RuleSpec }
  | { readonly kind: 'insert'; readonly chain: string; readonly rule: RuleSpec; readonly position: number }
  | { readonly kind: 'delete'; readonly chain: string; readonly rule: RuleSpec | number }
  | { readonly kind: 'new'; readonly chain: string }
  | { readonly kind: 'delete-chain' | 'flush' | 'zero'; readonly chain?: string }
  | { readonly kind: 'policy'; readonly chain: string; readonly policy: string }
  | { readonly kind: 'version' }

export interface Options {
  readonly table: string
  readonly numeric: boolean
  readonly verbose: boolean
  readonly exact: boolean
  readonly lineNumbers: boolean
}

export type IptablesParse = { readonly ok: true; readonly command: Command; readonly options: Options } | { readonly ok: false; readonly stderr: string; readonly exitCode: number }

export const PROG = 'iptables v1.8.9 (legacy)'
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n"
const fail = (msg: string, exitCode = 2): IptablesParse => ({ ok: false, stderr: `${PROG}: ${msg}\n${TRY}`, exitCode })

const COMMANDS: Record<string, string> = {
  '-L': 'list', '--list': 'list', '-S': 'save', '--list-rules': 'save', '-A': 'append', '--append': 'append', '-C': 'check', '--check': 'check',
  '-I': 'insert', '--insert': 'insert', '-D': 'delete', '--delete': 'delete', '-N': 'new', '--new-chain': 'new', '-X': 'delete-chain',
  '--delete-chain': 'delete-chain', '-F': 'flush', '--flush': 'flush', '-P': 'policy', '--policy': 'policy', '-Z': 'zero', '--zero': 'zero',
}

export function parseIptables(argv: readonly string[]): IptablesParse {
  const args = argv.slice(1)
  let table = 'filter'
  let numeric = false
  let verbose = false
  let exact = false
  let lineNumbers = false
  let kind: string | undefined
  const positional: string[] = []
  const rule: { -readonly [K in keyof RuleSpec]?: RuleSpec[K] } = {}
  let target: Target | undefined
  let toDestination: string | undefined
  let negate = false
  const modules = new Set<string>()
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const value = (): string | undefined => args[++i]
    if (a === '!') {
      negate = true
      continue
    }
    const neg = negate
    negate = false
    if (COMMANDS[a]) {
      if (kind) return fail('Cannot use -' + a.replace(/^-+/, '').charAt(0).toUpperCase() + ' with -' + kind.charAt(0).toUpperCase())
      kind = COMMANDS[a]
      while (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) positional.push(args[++i]!)
      continue
    }
    switch (a) {
      case '-V':
      case '--version':
        return { ok: true, command: { kind: 'version' }, options: { table, numeric, verbose, exact, lineNumbers } }
      case '-t':
      case '--table':
        table = value() ?? ''
        break
      case '-n':
      case '--numeric':
        numeric = true
        break
      case '-v':
      case '--verbose':
        verbose = true
        break
      case '-x':
      case '--exact':
        exact = true
        break
      case '--line-numbers':
        lineNumbers = true
        break
      case '-s':
      case '--source':
      case '-d':
      case '--destination': {
        const v = value()
        if (v === undefined) return fail(`option "${a}" requires an argument`)
        const cidr = v.includes('/') ? v : `${v}/32`
        if (a.startsWith('-s') || a === '--source') rule.source = { cidr, ...(neg ? { negate: true } : {}) }
        else rule.destination = { cidr, ...(neg ? { negate: true } : {}) }
        break
      }
      case '-i':
      case '--in-interface':
      case '-o':
      case '--out-interface': {
        const v = value()
        if (v === undefined) return fail(`option "${a}" requires an argument`)
        const spec = { name: v, ...(neg ? { negate: true } : {}) }
        if (a === '-i' || a === '--in-interface') rule.inInterface = spec
        else rule.outInterface = spec
        break
      }
      case '-p':
      case '--protocol': {
        const v = value()?.toLowerCase()
        if (v !== 'tcp' && v !== 'udp' && v !== 'icmp' && v !== 'all') return fail(`unknown protocol "${v ?? ''}" specified`)
        if (v !== 'all') rule.protocol = v
        break
      }
      case '-m':
      case '--match':
        modules.add(value() ?? '')
        break
      case '--dport':
      case '--destination-port': {
        if (rule.protocol !== 'tcp' && rule.protocol !== 'udp') return fail(`unknown option "${a}"`)
        const port = Number(value())
        if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`invalid port/service \`${args[i]}' specified`)
        rule.destinationPort = port
        break
      }
      case '--ctstate': {
        if (!modules.has('conntrack')) return fail(`unknown option "${a}"`)
        const states = (value() ?? '').split(',')
        if (states.some((s) => s !== 'NEW' && s !== 'ESTABLISHED' && s !== 'RELATED')) return fail(`Bad ctstate "${states.join(',')}"`)
        rule.ctstate = states as ('NEW' | 'ESTABLISHED' | 'RELATED')[]
        break
      }
      case '--dst-type': {
        if (!modules.has('addrtype')) return fail(`unknown option "${a}"`)
        if (value() !== 'LOCAL') return fail('addrtype: only LOCAL is modelled')
        rule.dstTypeLocal = neg ? { negate: true } : {}
        break
      }
      case '-j':
      case '--jump': {
        const t = value() ?? ''
        target = t === 'ACCEPT' || t === 'DROP' || t === 'RETURN' || t === 'MASQUERADE' ? { kind: t } : t === 'DNAT' ? { kind: 'DNAT', toAddress: '' } : { kind: 'jump', chain: t }
        break
      }
      case '--to-destination':
        toDestination = value()
        break
      default:
        if (kind && !a.startsWith('-')) {
          positional.push(a)
          break
        }
        return fail(`unknown option "${a}"`)
    }
  }
  if (!kind) return fail('no command specified')
  const options = { table, numeric, verbose, exact, lineNumbers }
  if (target?.kind === 'DNAT') {
    if (!toDestination) return fail('DNAT: option "--to-destination" must be specified')
    const [address, port] = toDestination.split(':')
    target = { kind: 'DNAT', toAddress: address!, ...(port ? { toPort: Number(port) } : {}) }
  }
  const chain = positional[0]
  const needChain = (): IptablesParse | undefined => (chain === undefined ? fail(`option "-${kind!.charAt(0).toUpperCase()}" requires an argument`) : undefined)
  const spec = (): RuleSpec | IptablesParse => (target ? { ...rule, target } : fail('no target given (rules without -j are not modelled)'))
  switch (kind) {
    case 'list':
    case 'save':
    case 'flush':
    case 'zero':
    case 'delete-chain':
      return { ok: true, command: { kind, ...(chain !== undefined ? { chain } : {}) } as Command, options }
    case 'new':
      return needChain() ?? { ok: true, command: { kind: 'new', chain: chain! }, options }
    case 'policy':
      if (positional.length < 2) return fail('-P requires a chain and a policy')
      return { ok: true, command: { kind: 'policy', chain: chain!, policy: positional[1]! }, options }
    case 'delete': {
      const missing = needChain()
      if (missing) return missing
      if (positional[1] !== undefined) return { ok: true, command: { kind: 'delete', chain: chain!, rule: Number(positional[1]) }, options }
      const s = spec()
      return 'ok' in s ? s : { ok: true, command: { kind: 'delete', chain: chain!, rule: s }, options }
    }
    default: {
      const missing = needChain()
      if (missing) return missing
      const s = spec()
      if ('ok' in s) return s
      if (kind === 'insert') return { ok: true, command: { kind: 'insert', chain: chain!, rule: s, position: positional[1] !== undefined ? Number(positional[1]) : 1 }, options }
      return { ok: true, command: { kind: kind as 'append' | 'check', chain: chain!, rule: s }, options }
    }
  }
}

export function tableName(t: string): TableName | undefined {
  return t === 'filter' || t === 'nat' ? t : undefined
}
