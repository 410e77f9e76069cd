/**
 * `redis-cli` 5.0.9: options, one-shot commands (TTY vs piped formats),
 * the interactive REPL with the `host:port>` prompt, `-c` following
 * MOVED/ASK, and `--cluster` (cluster.ts).
 */
import type { Program, ProgramContext } from '../../shell/runtime'
import { LineEditor } from '../../shell/editor'
import { Tty } from '../../kernel/proc/tty'
import { splitArgs } from '../../redis/config'
import { connectRedis } from '../../redis/cli-io'
import { formatRaw, formatTty, type Reply } from '../../redis/reply'
import type { RedisConnection } from '../../redis/wire'
import { clusterMain } from './cluster'

interface Options {
  host: string
  port: number
  auth?: string
  db: number
  cluster: boolean
  raw: boolean | undefined
  stdinLast: boolean
  args: string[]
}

function parse(argv: readonly string[]): Options | { exit: number; out: string; err?: string } {
  const o: Options = { host: '127.0.0.1', port: 6379, db: 0, cluster: false, raw: undefined, stdinLast: false, args: [] }
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!
    const next = (): string | undefined => argv[++i]
    if (a === '-h') o.host = next() ?? o.host
    else if (a === '-p') o.port = Number(next())
    else if (a === '-a') o.auth = next()
    else if (a === '-n') o.db = Number(next())
    else if (a === '-c') o.cluster = true
    else if (a === '-x') o.stdinLast = true
    else if (a === '--raw') o.raw = true
    else if (a === '--no-raw') o.raw = false
    else if (a === '-v' || a === '--version') return { exit: 0, out: 'redis-cli 5.0.9\n' }
    else if (a === '--cluster') return { exit: -1, out: '' }
    else {
      o.args = argv.slice(i) as string[]
      break
    }
  }
  return o
}

class Session {
  conn: RedisConnection | undefined
  constructor(
    readonly ctx: ProgramContext,
    public host: string,
    public port: number,
    readonly o: Options,
  ) {}

  async connect(): Promise<boolean> {
    this.conn?.close()
    this.conn = undefined
    const c = await connectRedis(this.ctx.kernel.net.sockets, this.ctx.proc.sandbox.net, this.host, this.port)
    if (!c.ok) {
      this.ctx.proc.err(c.message + '\n')
      return false
    }
    this.conn = c.conn
    if (this.o.auth !== undefined) await this.conn.command(['AUTH', this.o.auth])
    if (this.o.db) await this.conn.command(['SELECT', String(this.o.db)])
    return true
  }

  /** cliSendCommand with -c: follow MOVED/ASK, printing the redirect line when interactive. */
  async send(argv: readonly string[], interactive: boolean): Promise<Reply | null> {
    for (let hops = 0; hops < 16; hops++) {
      if (!this.conn || this.conn.closed) {
        if (!(await this.connect())) return null
      }
      const r = await this.ctx.proc.waitFor(this.conn!.command(argv))
      if (r === null) {
        this.conn = undefined
        this.ctx.proc.err('Error: Server closed the connection\n')
        return null
      }
      const m = r.t === 'error' && this.o.cluster ? /^(MOVED|ASK) (\d+) ([\d.]+):(\d+)$/.exec(r.v) : null
      if (!m) return r
      if (interactive) this.ctx.proc.out(`-> Redirected to slot [${m[2]}] located at ${m[3]}:${m[4]}\n`)
      this.host = m[3]!
      this.port = Number(m[4])
      if (!(await this.connect())) return null
      if (m[1] === 'ASK') await this.conn!.command(['ASKING'])
    }
    return null
  }
}

/** INFO and CLUSTER NODES/INFO print raw even on a TTY (cliSendCommand's output_raw). */
function forcedRaw(argv: readonly string[]): boolean {
  const c = argv[0]?.toLowerCase()
  return c === 'info' || (argv.length === 2 && c === 'cluster' && ['nodes', 'info'].includes(argv[1]!.toLowerCase()))
}

function render(r: Reply, argv: readonly string[], tty: boolean): string {
  if (!tty || forcedRaw(argv)) return formatRaw(r) + '\n'
  return formatTty(r, '5')
}

export const redisCliProgram: Program = async (ctx) => {
  const { proc } = ctx
  const o = parse(ctx.argv)
  if ('exit' in o) {
    if (o.exit === -1) return clusterMain(ctx, ctx.argv.slice(ctx.argv.indexOf('--cluster') + 1))
    proc.out(o.out)
    return o.exit
  }
  const stdoutTty = proc.tty !== undefined && proc.stdout === proc.tty
  const ttyFormat = o.raw === undefined ? stdoutTty : !o.raw
  const s = new Session(ctx, o.host, o.port, o)
  if (o.args.length > 0) {
    const argv = [...o.args]
    if (o.stdinLast) argv.push(await proc.readAll())
    const r = await s.send(argv, false)
    s.conn?.close()
    if (!r) return 1
    proc.out(render(r, argv, ttyFormat))
    return 0
  }
  await s.connect()
  const tty = proc.stdin === proc.tty && proc.tty instanceof Tty ? proc.tty : undefined
  const history: string[] = []
  const editor = tty
    ? new LineEditor({ write: (t) => proc.out(t), read: () => proc.read(), unread: (t) => tty.unread(t), cols: () => tty.cols })
    : undefined
  let buffered = ''
  const readLine = async (prompt: string): Promise<string | null> => {
    if (editor && tty) {
      tty.setMode({ canonical: false, echo: false, signals: false })
      try {
        const r = await editor.readLine(prompt, history)
        if (r.kind === 'eof') return null
        if (r.kind === 'interrupt') return ''
        return r.text
      } finally {
        tty.setMode({ canonical: true, echo: true, signals: true })
      }
    }
    for (;;) {
      const nl = buffered.indexOf('\n')
      if (nl >= 0) {
        const line = buffered.slice(0, nl)
        buffered = buffered.slice(nl + 1)
        return line
      }
      const chunk = await proc.read()
      if (chunk === null) return buffered ? ((buffered = ''), buffered) : null
      buffered += chunk
    }
  }
  for (;;) {
    const prompt = s.conn && !s.conn.closed ? `${s.host}:${s.port}> ` : 'not connected> '
    const line = await readLine(editor ? prompt : '')
    if (line === null) break
    const argv = splitArgs(line)
    if (!argv) {
      proc.out('Invalid argument(s)\n')
      continue
    }
    if (argv.length === 0) continue
    if (line.trim()) history.push(line)
    const name = argv[0]!.toLowerCase()
    if (name === 'quit' || name === 'exit') break
    const r = await s.send(argv, true)
    if (r) proc.out(render(r, argv, ttyFormat))
  }
  s.conn?.close()
  return 0
}
