/**
 * `catalina.sh run`: the tomcat image's main process, standing in for a
 * JVM running Tomcat 10.0.10. It writes Tomcat's start-up log (to stderr,
 * where java.util.logging's ConsoleHandler writes) over about a second of
 * virtual time, then waits. SIGTERM (`docker stop`) or SIGINT runs the JVM
 * shutdown hook, which logs Tomcat's stop sequence, and the JVM exits
 * 128+signal (143 for SIGTERM, as real tomcat does); SIGKILL exits 137.
 */
import { civilFromDays } from '../../../lib/civil-time'
import { Interrupted, type SignalName } from '../../kernel/proc/errors'
import type { Program, ProgramContext } from '../../shell/runtime'
import { serveHttp } from '../../kernel/net/http'
import type { TcpListener } from '../../kernel/net/sockets'
import { tomcatHandler } from './tomcat-http'

export interface CatalinaOptions {
  /** Unix epoch ms at virtual time 0 (the daemon's epoch). */
  readonly epochMs: number
  /** `OS Version:` in the log: the host's kernel (containers share it). */
  readonly kernelRelease?: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** java.util.logging OneLineFormatter's timestamp: `20-Aug-2021 08:00:01.234` (UTC). */
export function tomcatTimestamp(epochMs: number): string {
  const ms = Math.floor(epochMs)
  const days = Math.floor(ms / 86400000)
  const rest = ms - days * 86400000
  const { y, m, d } = civilFromDays(days)
  return `${pad(d)}-${MONTHS[m - 1]}-${y} ${pad(Math.floor(rest / 3600000))}:${pad(Math.floor((rest % 3600000) / 60000))}:${pad(Math.floor((rest % 60000) / 1000))}.${pad(rest % 1000, 3)}`
}

const JDK_OPTS = [
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED',
]

function versionLines(o: CatalinaOptions, home: string): string[] {
  const v = 'org.apache.catalina.startup.VersionLoggerListener.log'
  const args = [
    ...JDK_OPTS,
    `-Djava.util.logging.config.file=${home}/conf/logging.properties`,
    '-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager',
    '-Djdk.tls.ephemeralDHKeySize=2048',
    '-Djava.protocol.handler.pkgs=org.apache.catalina.webresources',
    '-Dorg.apache.catalina.security.SecurityListener.UMASK=0027',
    '-Dignore.endorsed.dirs=',
    `-Dcatalina.base=${home}`,
    `-Dcatalina.home=${home}`,
    `-Djava.io.tmpdir=${home}/temp`,
  ]
  return [
    `${v} Server version name:   Apache Tomcat/10.0.10`,
    `${v} Server built:          Aug 6 2021 13:24:31 UTC`,
    `${v} Server version number: 10.0.10.0`,
    `${v} OS Name:               Linux`,
    `${v} OS Version:            ${o.kernelRelease ?? '5.10.0-8-amd64'}`,
    `${v} Architecture:          amd64`,
    `${v} Java Home:             /usr/local/openjdk-11`,
    `${v} JVM Version:           11.0.12+7`,
    `${v} JVM Vendor:            Oracle Corporation`,
    `${v} CATALINA_BASE:         ${home}`,
    `${v} CATALINA_HOME:         ${home}`,
    ...args.map((a) => `${v} Command line argument: ${a}`),
  ]
}

export function createCatalinaProgram(options: CatalinaOptions): Program {
  return async (ctx: ProgramContext) => {
    const { proc } = ctx
    if (ctx.argv[1] !== 'run') {
      proc.err('Usage: catalina.sh ( commands ... )\ncommands:\n  run               Start Catalina in the current window\n  version           What version of tomcat are you running?\n')
      return 1
    }
    let stopSignal: SignalName | undefined
    for (const s of ['SIGTERM', 'SIGINT'] as const) proc.trap(s, () => (stopSignal ??= s))
    const home = proc.env.CATALINA_HOME ?? '/usr/local/tomcat'
    const log = (thread: string, text: string): void => proc.err(`${tomcatTimestamp(options.epochMs + ctx.kernel.clock.now())} INFO [${thread}] ${text}\n`)
    const random = ctx.kernel.random
    // The NIO connector binds 0.0.0.0:8080 at init (after which connects are accepted into the backlog).
    let listener: TcpListener | undefined
    const listen = (): void => {
      try {
        listener = serveHttp(ctx.kernel.net.sockets, proc.sandbox.net, 8080, tomcatHandler(() => options.epochMs + ctx.kernel.clock.now()))
      } catch {
        // EADDRINUSE (another process in a shared namespace): Tomcat logs a bind failure; we stay up without it
      }
    }
    // JVM start-up, then the log as Tomcat writes it; a stop signal cuts the start short.
    const steps: [number, () => void][] = [
      [420, () => proc.err(`NOTE: Picked up JDK_JAVA_OPTIONS:  ${JDK_OPTS.join(' ')}\n`)],
      [260, () => versionLines(options, home).forEach((l) => log('main', l))],
      [35, () => log('main', 'org.apache.catalina.core.AprLifecycleListener.lifecycleEvent Loaded Apache Tomcat Native library [1.2.30] using APR version [1.7.0].')],
      [2, () => log('main', 'org.apache.catalina.core.AprLifecycleListener.lifecycleEvent APR capabilities: IPv6 [true], sendfile [true], accept filters [false], random [true], UDS [true].')],
      [9, () => log('main', 'org.apache.catalina.core.AprLifecycleListener.initializeSSL OpenSSL successfully initialized [OpenSSL 1.1.1k  25 Mar 2021]')],
      [310, () => (listen(), log('main', 'org.apache.coyote.AbstractProtocol.init Initializing ProtocolHandler ["http-nio-8080"]'))],
      [14, () => log('main', `org.apache.catalina.startup.Catalina.load Server initialization in [${700 + random.int(120)}] milliseconds`)],
      [40, () => log('main', 'org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]')],
      [1, () => log('main', 'org.apache.catalina.core.StandardEngine.startInternal Starting Servlet engine: [Apache Tomcat/10.0.10]')],
      [25, () => log('main', 'org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler ["http-nio-8080"]')],
      [12, () => log('main', `org.apache.catalina.startup.Catalina.start Server startup in [${55 + random.int(40)}] milliseconds`)],
    ]
    for (const [ms, step] of steps) {
      if (stopSignal || !(await proc.sleep(ms))) break
      step()
    }
    while (!stopSignal) {
      try {
        await proc.waitFor(new Promise<never>(() => {}))
      } catch (e) {
        if (!(e instanceof Interrupted)) throw e
      }
    }
    // The JVM's shutdown hook: Catalina.stop().
    const hook = 'Thread-2'
    const stopSteps: [number, string][] = [
      [8, 'org.apache.coyote.AbstractProtocol.pause Pausing ProtocolHandler ["http-nio-8080"]'],
      [6, 'org.apache.catalina.core.StandardService.stopInternal Stopping service [Catalina]'],
      [25, 'org.apache.coyote.AbstractProtocol.stop Stopping ProtocolHandler ["http-nio-8080"]'],
      [3, 'org.apache.coyote.AbstractProtocol.destroy Destroying ProtocolHandler ["http-nio-8080"]'],
    ]
    for (const [ms, text] of stopSteps) {
      await proc.sleep(ms)
      log(hook, text)
      if (text.includes('.pause ')) listener?.close()
    }
    listener?.close()
    await proc.sleep(40)
    return stopSignal === 'SIGTERM' ? 143 : 130
  }
}
