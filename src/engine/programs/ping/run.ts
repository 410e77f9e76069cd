/**
 * ping's main loop on the virtual clock (iputils 20221126 main_loop):
 * send one echo request per interval, print replies and errors as they
 * arrive, stop on -c (after waiting for the stragglers), -w, or SIGINT, then
 * print the statistics. Timing follows iputils: `time` in the summary runs
 * from the start to the last request sent; after the last request ping
 * waits max(2 × the longest RTT, the interval) when replies came, else the
 * -W linger time (10 s).
 */
import { formatIpv4, inetAton, type Ipv4 } from '../../../lib/ipv4'
import { Interrupted } from '../../kernel/proc/errors'
import { gaiStrerror, resolveHost, reverseLookup } from '../../kernel/net/resolver'
import type { EchoError, EchoReply } from '../../kernel/net/types'
import type { ProgramContext } from '../../shell/runtime'
import * as fmt from './format'
import type { PingOptions } from './parse'

type Event = { readonly kind: 'reply'; readonly reply: EchoReply } | { readonly kind: 'error'; readonly error: EchoError; readonly seq: number }

export async function runPing(ctx: ProgramContext, o: PingOptions): Promise<number> {
  const { proc, kernel } = ctx
  const { clock, random } = kernel
  const stack = kernel.net
  const net = proc.sandbox.net
  const fs = proc.sandbox.fs

  const resolved = await resolveHost(fs, net, o.destination)
  if (!resolved.ok) {
    proc.err(fmt.resolveFailed(o.destination, gaiStrerror(resolved.error)))
    return 2
  }
  const target = resolved.address
  // A numeric destination is never reverse-resolved (F_NUMERIC in ping4_run).
  const numeric = o.numeric || inetAton(o.destination) !== undefined
  const route = stack.routeGet(net, target)
  if (!route) {
    proc.err(fmt.connectUnreachable)
    return 2
  }
  if (route.type === 'broadcast') {
    if (!o.broadcast) {
      proc.err(fmt.broadcastRefused)
      return 2
    }
    proc.err(fmt.broadcastWarning)
  }

  const names = new Map<Ipv4, string | undefined>()
  const prAddr = async (ip: Ipv4): Promise<string> => {
    const text = formatIpv4(ip)
    if (numeric) return text
    if (!names.has(ip)) names.set(ip, await reverseLookup(fs, net, ip))
    return fmt.prAddr(text, names.get(ip))
  }

  proc.out(fmt.headerLine(resolved.canonicalName, formatIpv4(target), o.size))

  const id = random.int(0x10000)
  const timing = o.size >= 16
  const start = clock.now()
  let exiting = false
  let transmitted = 0
  let received = 0
  let errors = 0
  let pipe = 0
  let lastSend = start
  let tsum = 0
  let tsum2 = 0
  let tmin = Infinity
  let tmax = 0
  const events: Event[] = []
  let wake: (() => void) | undefined

  proc.trap('SIGINT', () => {
    exiting = true
  })

  const acknowledge = (seq: number): void => {
    pipe = Math.max(pipe, transmitted - seq + 1)
  }

  const send = (): void => {
    const seq = ++transmitted
    lastSend = clock.now()
    stack.sendEcho(net, { dst: target, id, seq, ttl: o.ttl, payloadBytes: o.size }, (result) => {
      events.push('rtt' in result ? { kind: 'reply', reply: result } : { kind: 'error', error: result, seq })
      wake?.()
    })
  }

  const handle = async (e: Event): Promise<void> => {
    if (e.kind === 'reply') {
      const r = e.reply
      received++
      acknowledge(r.seq)
      const tripUs = Math.floor(r.rtt * 1000 + 1e-6)
      if (timing) {
        tsum += tripUs
        tsum2 += tripUs * tripUs
        tmin = Math.min(tmin, tripUs)
        tmax = Math.max(tmax, tripUs)
      }
      if (!o.quiet) proc.out(fmt.replyLine({ bytes: r.bytes, from: await prAddr(r.from), seq: r.seq, ttl: r.ttl, ...(timing ? { tripUs } : {}) }))
      return
    }
    const err = e.error
    errors++
    if (err.kind === 'network-unreachable') {
      proc.err(fmt.sendmsgUnreachable)
      return
    }
    acknowledge(err.seq)
    if (!o.quiet) proc.out(fmt.errorLine(await prAddr(err.from), err.seq, err.kind))
  }

  /** Sleeps until `at`, a reply or error, or a signal. */
  const waitUntil = async (at: number): Promise<void> => {
    if (events.length > 0) return
    let timer: ReturnType<typeof clock.setTimer> | undefined
    const woken = new Promise<void>((resolve) => {
      wake = resolve
      timer = clock.setTimer(Math.max(0, at - clock.now()), resolve)
    })
    try {
      await proc.waitFor(woken)
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error
    } finally {
      clock.cancel(timer)
      wake = undefined
    }
  }

  const deadlineAt = o.deadline !== undefined ? start + o.deadline : Infinity
  let nextSend = start
  try {
    for (;;) {
      while (events.length > 0) await handle(events.shift()!)
      if (exiting) break
      if (o.count !== undefined && received + errors >= o.count) break
      if (o.deadline !== undefined && errors > 0) break
      const now = clock.now()
      if (now >= deadlineAt) break
      const moreToSend = o.count === undefined || transmitted < o.count
      if (moreToSend && now >= nextSend) {
        send()
        // Real ping drifts a little each interval (scheduling, the poll timeout): 0.2–2 %.
        nextSend = now + o.interval + o.interval * random.between(0.002, 0.02)
        continue
      }
      let wakeAt = deadlineAt
      if (moreToSend) wakeAt = Math.min(wakeAt, nextSend)
      else {
        const exitAt = lastSend + (received > 0 ? Math.max((2 * tmax) / 1000, o.interval) : o.linger)
        if (now >= exitAt) break
        wakeAt = Math.min(wakeAt, exitAt)
      }
      await waitUntil(wakeAt)
    }
  } finally {
    stack.cancelEcho(net, id)
  }

  const total = received
  let rtt: fmt.PingStats['rtt']
  if (timing && total > 0) {
    const avg = Math.floor(tsum / total)
    const variance = Math.floor((tsum2 - Math.floor((tsum * tsum) / total)) / total)
    rtt = { min: tmin, avg, max: tmax, mdev: Math.floor(Math.sqrt(Math.max(0, variance))) }
  }
  proc.out(
    fmt.statisticsBlock({
      host: resolved.canonicalName,
      transmitted,
      received,
      errors,
      elapsedMs: lastSend - start,
      ...(rtt ? { rtt } : {}),
      pipe,
    }),
  )
  return received === 0 || (o.deadline !== undefined && o.count !== undefined && received < o.count) ? 1 : 0
}
