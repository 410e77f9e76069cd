/**
 * `redis-server [config] [--name value ...]` (Redis 5.0.9): loads the
 * config, logs 5.0's start-up lines to stdout (what `docker logs` shows),
 * runs the server's cron every 100 ms of virtual time, and shuts down with
 * 5.0's log on SIGTERM/SIGINT. The server itself lives in src/engine/redis.
 */
import type { Program } from '../../shell/runtime'
import { resolvePath } from '../../kernel/fs/fs'
import { formatIpv4 } from '../../../lib/ipv4'
import { EPOCH_BASE_MS } from '../../../lib/wallclock'
import { fatalConfigText, parseConfig } from '../../redis/config'
import { RedisServer } from '../../redis/server'
import { logLine, logo, OVERCOMMIT_WARNING, THP_WARNING, startupWarnings } from '../../redis/log'

export const redisServerProgram: Program = async (ctx) => {
  const { proc, kernel } = ctx
  const args = ctx.argv.slice(1)
  if (args[0] === '-v' || args[0] === '--version') {
    proc.out('Redis server v=5.0.9 sha=00000000:0 malloc=jemalloc-5.1.0 bits=64 build=f0e9fd3f2bd4d8ab\n')
    return 0
  }
  const wall = (): number => Math.floor(EPOCH_BASE_MS + kernel.clock.now())
  const parent = kernel.process(proc.ppid)
  // The image's entrypoint execs redis-server, so in the container it is PID 1.
  const pid = parent && parent.argv[0]?.endsWith('docker-entrypoint.sh') && parent.ppid === 0 ? 1 : proc.pid
  let text = ''
  let file: string | undefined
  if (args[0] !== undefined && !args[0].startsWith('--')) {
    file = args.shift()!
    const path = resolvePath(proc.cwd, file)
    if (!proc.sandbox.fs.exists(path) || proc.sandbox.fs.lookup(path).kind !== 'file') {
      proc.err(`Fatal error, can't open config file '${file}'\n`)
      return 1
    }
    text = proc.sandbox.fs.readFile(path)
  }
  const parsed = parseConfig(text, args)
  if (!parsed.ok) {
    proc.err(fatalConfigText(parsed))
    return 1
  }
  const config = parsed.config
  const log = (role: 'C' | 'M', level: '*' | '#', msg: string): void => proc.out(logLine(pid, role, wall(), level, msg))
  log('C', '#', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo')
  log('C', '#', `Redis version=5.0.9, bits=64, commit=00000000, modified=0, pid=${pid}, just started`)
  if (file) log('C', '#', 'Configuration loaded')
  else log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf')
  const dir = config.dir ? resolvePath(proc.cwd, config.dir) : proc.cwd
  if (!proc.sandbox.fs.exists(dir)) {
    log('C', '#', `Can't chdir to '${config.dir}': No such file or directory`)
    return 1
  }
  const ownIp = proc.sandbox.net
    .links()
    .flatMap((l) => l.addresses)
    .filter((a) => a.family === 'inet' && typeof a.local === 'number')
    .map((a) => formatIpv4(a.local as number))
    .find((ip) => !ip.startsWith('127.'))
  if (config.alwaysShowLogo || proc.stdout === proc.tty) proc.out(logo('5.0.9', config.port, pid, config.clusterEnabled))
  const server = new RedisServer(config, {
    sockets: kernel.net.sockets,
    ns: proc.sandbox.net,
    fs: proc.sandbox.fs,
    dir,
    wall,
    random: kernel.random,
    write: (t) => proc.out(t),
    pid,
    ownIp: ownIp ?? '127.0.0.1',
  })
  // main(): initServer() (the cluster's "I'm <id>"), redisAsciiArt() ("Running mode=…"), checkTcpBacklogSettings(), "Server initialized".
  if (!server.start()) return 1
  for (const w of startupWarnings()) log('M', '#', w)
  log('M', '#', 'Server initialized')
  log('M', '#', OVERCOMMIT_WARNING)
  log('M', '#', THP_WARNING)
  if (config.appendonly) {
    const aof = server.path(config.appendfilename)
    if (!proc.sandbox.fs.exists(aof)) proc.sandbox.fs.writeFile(aof, '')
  }
  log('M', '*', 'Ready to accept connections')
  let stop: string | undefined
  for (const s of ['SIGTERM', 'SIGINT'] as const) proc.trap(s, () => (stop = s))
  while (!stop) {
    await proc.sleep(100)
    if (!stop) server.cron()
  }
  proc.out(`${pid}:signal-handler (${Math.floor(wall() / 1000)}) Received ${stop} scheduling shutdown...\n`)
  server.shutdown()
  // The closes' FINs leave before the process (and then the container's network) is gone, as the kernel sends them on close(2).
  await proc.sleep(5).catch(() => false)
  return 0
}
