/**
 * redis.conf and `--name value` arguments (config.c loadServerConfigFromString).
 * Only what the simulation uses is interpreted; other known directives are
 * accepted and kept for CONFIG GET. An unknown directive or a bad value is
 * the FATAL CONFIG FILE ERROR, with the line number and text.
 */
export interface ServerConfig {
  port: number
  bind: string[]
  protectedMode: boolean
  daemonize: boolean
  appendonly: boolean
  appendfilename: string
  clusterEnabled: boolean
  clusterConfigFile: string
  clusterNodeTimeout: number
  announceIp: string
  announcePort: number
  announceBusPort: number
  requirepass: string
  dir: string
  logfile: string
  alwaysShowLogo: boolean
  dbfilename: string
  databases: number
  save: string
  raw: Map<string, string>
}

export function defaultConfig(): ServerConfig {
  return {
    port: 6379,
    bind: [],
    protectedMode: true,
    daemonize: false,
    appendonly: false,
    appendfilename: 'appendonly.aof',
    clusterEnabled: false,
    clusterConfigFile: 'nodes.conf',
    clusterNodeTimeout: 15000,
    announceIp: '',
    announcePort: 0,
    announceBusPort: 0,
    requirepass: '',
    dir: '',
    logfile: '',
    alwaysShowLogo: false,
    dbfilename: 'dump.rdb',
    databases: 16,
    save: '900 1 300 10 60 10000',
    raw: new Map(),
  }
}

/** Directives accepted without effect on the simulation (a subset of 5.0's). */
const PASSIVE = new Set(['tcp-backlog', 'timeout', 'tcp-keepalive', 'loglevel', 'supervised', 'pidfile', 'stop-writes-on-bgsave-error', 'rdbcompression', 'rdbchecksum', 'maxmemory', 'maxmemory-policy', 'maxclients', 'appendfsync', 'no-appendfsync-on-rewrite', 'auto-aof-rewrite-percentage', 'auto-aof-rewrite-min-size', 'aof-load-truncated', 'aof-use-rdb-preamble', 'lua-time-limit', 'slowlog-log-slower-than', 'slowlog-max-len', 'latency-monitor-threshold', 'notify-keyspace-events', 'hz', 'dynamic-hz', 'lazyfree-lazy-eviction', 'replica-read-only', 'slave-read-only', 'repl-diskless-sync', 'repl-diskless-sync-delay', 'masterauth', 'cluster-replica-validity-factor', 'cluster-slave-validity-factor', 'cluster-migration-barrier', 'cluster-require-full-coverage', 'cluster-replica-no-failover', 'unixsocket', 'unixsocketperm', 'syslog-enabled', 'syslog-ident', 'rename-command', 'activerehashing', 'replica-serve-stale-data', 'replica-priority', 'io-threads'])

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; line: number; text: string; reason: string }

const yesNo = (v: string): boolean | undefined => (v.toLowerCase() === 'yes' ? true : v.toLowerCase() === 'no' ? false : undefined)

/** sdssplitargs(): whitespace-separated words, double and single quotes. */
export function splitArgs(line: string): string[] | undefined {
  const out: string[] = []
  let i = 0
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++
    if (i >= line.length) break
    let word = ''
    const q = line[i]
    if (q === '"' || q === "'") {
      i++
      while (i < line.length && line[i] !== q) {
        if (q === '"' && line[i] === '\\' && i + 1 < line.length) {
          const c = line[++i]!
          word += c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c
        } else word += line[i]
        i++
      }
      if (i >= line.length) return undefined
      i++
      if (i < line.length && !/\s/.test(line[i]!)) return undefined
    } else while (i < line.length && !/\s/.test(line[i]!)) word += line[i++]
    out.push(word)
  }
  return out
}

function apply(c: ServerConfig, name: string, args: string[]): string | undefined {
  const one = args.length === 1 ? args[0]! : undefined
  const num = (v: string | undefined): number | undefined => (v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined)
  const bool = (set: (b: boolean) => void): string | undefined => {
    const b = one === undefined ? undefined : yesNo(one)
    if (b === undefined) return 'argument must be \'yes\' or \'no\''
    set(b)
    return undefined
  }
  switch (name) {
    case 'port': {
      const n = num(one)
      if (n === undefined || n < 0 || n > 65535) return 'Invalid port'
      c.port = n
      return
    }
    case 'bind':
      if (args.length === 0) return 'Bad directive or wrong number of arguments'
      c.bind = args
      return
    case 'protected-mode':
      return bool((b) => (c.protectedMode = b))
    case 'daemonize':
      return bool((b) => (c.daemonize = b))
    case 'appendonly':
      return bool((b) => (c.appendonly = b))
    case 'always-show-logo':
      return bool((b) => (c.alwaysShowLogo = b))
    case 'cluster-enabled':
      return bool((b) => (c.clusterEnabled = b))
    case 'appendfilename':
      if (one === undefined) return 'Bad directive or wrong number of arguments'
      c.appendfilename = one
      return
    case 'cluster-config-file':
      if (one === undefined) return 'Bad directive or wrong number of arguments'
      c.clusterConfigFile = one
      return
    case 'cluster-node-timeout': {
      const n = num(one)
      if (n === undefined || n <= 0) return 'cluster-node-timeout must be 1 or greater'
      c.clusterNodeTimeout = n
      return
    }
    case 'cluster-announce-ip':
      if (one === undefined) return 'Bad directive or wrong number of arguments'
      c.announceIp = one
      return
    case 'cluster-announce-port':
    case 'cluster-announce-bus-port': {
      const n = num(one)
      if (n === undefined || n < 0 || n > 65535) return `Invalid ${name}`
      if (name === 'cluster-announce-port') c.announcePort = n
      else c.announceBusPort = n
      return
    }
    case 'requirepass':
      if (one === undefined) return 'Bad directive or wrong number of arguments'
      c.requirepass = one
      return
    case 'dir':
    case 'logfile':
    case 'dbfilename':
      if (one === undefined) return 'Bad directive or wrong number of arguments'
      if (name === 'dir') c.dir = one
      else if (name === 'logfile') c.logfile = one
      else c.dbfilename = one
      return
    case 'databases': {
      const n = num(one)
      if (n === undefined || n < 1) return 'Invalid number of databases'
      c.databases = n
      return
    }
    case 'save':
      if (args.length % 2 !== 0 && !(args.length === 1 && args[0] === '')) return 'Invalid save parameters'
      c.save = args.join(' ')
      return
    default:
      if (PASSIVE.has(name) && args.length > 0) return
      return 'Bad directive or wrong number of arguments'
  }
}

/** Parses the file text then the command-line options (appended as extra lines, as main() does). */
export function parseConfig(text: string, extra: readonly string[]): ConfigResult {
  const c = defaultConfig()
  // Command-line `--name v1 v2` become "name v1 v2" lines after the file's (main() in server.c).
  const lines = text.split('\n')
  let opt = ''
  for (const a of extra) {
    if (a.startsWith('--')) {
      if (opt) lines.push(opt)
      opt = a.slice(2)
    } else opt += ` "${a.replace(/(["\\])/g, '\\$1')}"`
  }
  if (opt) lines.push(opt)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '' || line.startsWith('#')) continue
    const argv = splitArgs(line)
    if (!argv) return { ok: false, line: i + 1, text: line, reason: 'Unbalanced quotes in configuration line' }
    const name = argv[0]!.toLowerCase()
    const reason = apply(c, name, argv.slice(1))
    if (reason) return { ok: false, line: i + 1, text: line, reason }
    c.raw.set(name, argv.slice(1).join(' '))
  }
  return { ok: true, config: c }
}

export function fatalConfigText(r: { line: number; text: string; reason: string }): string {
  return `\n*** FATAL CONFIG FILE ERROR ***\nReading the configuration file, at line ${r.line}\n>>> '${r.text}'\n${r.reason}\n`
}
