/**
 * argv → ping options, as iputils 20221126 parses them: GNU getopt (options
 * may follow the destination, flags combine as in `-qc3`) and its
 * strtol_or_err / ping_strtod checks with their exact messages.
 */
export interface PingOptions {
  count?: number
  /** Milliseconds between requests (-i, default 1 s). */
  interval: number
  /** -W: how long to wait for a reply when none came (ms, default 10 s). */
  linger: number
  /** -w: stop after this many ms whatever happens. */
  deadline?: number
  size: number
  ttl: number
  quiet: boolean
  numeric: boolean
  broadcast: boolean
  destination: string
}

export type PingParse =
  | { readonly kind: 'run'; readonly options: PingOptions; readonly warnings: string }
  | { readonly kind: 'exit'; readonly stdout: string; readonly stderr: string; readonly exitCode: number }

const WITH_ARGUMENT = new Set('cFiIlmMNpQsStTwWe'.split(''))
const FLAGS = new Set('aAbBCdDfHLnOqrRUvV46h'.split(''))
/** Accepted but without effect here (they change nothing the simulation prints). */
const LONG_MAX = '9223372036854775807'

export type ParseError = { readonly stderr: string; readonly exitCode: number; readonly usage?: boolean }

export function parsePing(argv: readonly string[]): PingParse {
  const o: PingOptions = { interval: 1000, linger: 10_000, size: 56, ttl: 64, quiet: false, numeric: false, broadcast: false, destination: '' }
  const operands: string[] = []
  let warnings = ''
  const fail = (stderr: string, exitCode: number): PingParse => ({ kind: 'exit', stdout: '', stderr, exitCode })
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      operands.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg)
      continue
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!
      if (WITH_ARGUMENT.has(c)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i]
        if (value === undefined) return fail(`ping: option requires an argument -- '${c}'\n${USAGE}`, 2)
        const r = applyValue(o, c, value)
        if (typeof r === 'object') return fail(r.stderr, r.exitCode)
        warnings += r
        break
      }
      if (!FLAGS.has(c)) return fail(`ping: invalid option -- '${c}'\n${USAGE}`, 2)
      if (c === 'h') return fail(USAGE, 2)
      if (c === 'V') return { kind: 'exit', stdout: VERSION, stderr: '', exitCode: 0 }
      if (c === 'q') o.quiet = true
      else if (c === 'n') o.numeric = true
      else if (c === 'b') o.broadcast = true
    }
  }
  const destination = operands[operands.length - 1]
  if (destination === undefined) return fail('ping: usage error: Destination address required\n', 1)
  o.destination = destination
  return { kind: 'run', options: o, warnings }
}

/** strtol_or_err: the whole argument must be a number within [min, max]. */
function integer(value: string, min: number, max: number, maxText = String(max)): number | ParseError {
  if (!/^\s*[-+]?\d+$/.test(value)) return { stderr: `ping: invalid argument: '${value}'\n`, exitCode: 1 }
  const n = Number(value)
  if (n < min || n > max) return { stderr: `ping: invalid argument: '${value}': out of range: ${min} <= value <= ${maxText}\n`, exitCode: 1 }
  return n
}

/** ping_strtod: a leading number is taken; trailing garbage only warns (for now, says iputils). */
function decimal(value: string): { value: number; warning: string } {
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(value)
  const num = m ? Number(m[0]) : 0
  const rest = m ? value.slice(m[0].length) : value
  const warning = rest !== '' || !m ? `ping: option argument contains garbage: ${rest}\nping: this will become fatal error in the future\n` : ''
  return { value: num, warning }
}

function applyValue(o: PingOptions, c: string, value: string): string | ParseError {
  switch (c) {
    case 'c': {
      const n = integer(value, 1, Number.MAX_SAFE_INTEGER, LONG_MAX)
      if (typeof n !== 'number') return n
      o.count = n
      return ''
    }
    case 'i': {
      const d = decimal(value)
      o.interval = Math.round(d.value * 1000)
      return d.warning
    }
    case 'W': {
      const d = decimal(value)
      o.linger = Math.round(d.value * 1000)
      return d.warning
    }
    case 'w': {
      const n = integer(value, 0, 2147483647)
      if (typeof n !== 'number') return n
      o.deadline = n * 1000
      return ''
    }
    case 's': {
      const n = integer(value, 0, 127992)
      if (typeof n !== 'number') return n
      o.size = n
      return ''
    }
    case 't': {
      const n = integer(value, 0, 255)
      if (typeof n !== 'number') return n
      o.ttl = n
      return ''
    }
    default:
      return { stderr: `ping: option -${c} is not modelled by this simulator\n`, exitCode: 2 }
  }
}

export const VERSION = `ping from iputils 20221126
libcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes
`

export const USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -C                 call connect() syscall on socket creation
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -e <identifier>    define identifier for ping session, default is random for
                     SOCK_RAW and kernel defined for SOCK_DGRAM
                     Imply using SOCK_RAW (for IPv4 only for identifier 0)
  -f                 flood ping
  -h                 print help and exit
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
  -n                 no dns name resolution
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

For more details see ping(8).
`
