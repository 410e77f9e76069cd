/**
 * `docker stats` figures. The model has no cgroups, so the numbers are
 * plausible and deterministic: a per-image resident size (a JVM is big, a
 * shell small) nudged by the container id, CPU that settles after start-up,
 * network bytes that grow slowly with uptime. Stopped containers read 0.
 */
import { isRunning, type Container } from './container'

export interface ContainerStatsData {
  readonly cpuPercent: number
  readonly memUsage: number
  readonly memLimit: number
  readonly netRx: number
  readonly netTx: number
  readonly blockRead: number
  readonly blockWrite: number
  readonly pids: number
}

/** The tutorial's host: a 4 GB cloud VM (the kernel reports a bit less). */
export const HOST_MEMORY_BYTES = 4_127_514_624

/** Resident memory and thread count per main program. */
const PROFILES: Record<string, { mem: number; pids: number; block: number }> = {
  'catalina.sh': { mem: 118_000_000, pids: 29, block: 8_192_000 },
  'docker-entrypoint.sh': { mem: 2_600_000, pids: 5, block: 0 },
  'redis-server': { mem: 2_600_000, pids: 5, block: 0 },
  '/docker-entrypoint.sh': { mem: 7_400_000, pids: 3, block: 0 },
  nginx: { mem: 7_400_000, pids: 3, block: 0 },
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

export function statsOf(c: Container, now: number): ContainerStatsData {
  const limit = HOST_MEMORY_BYTES
  if (!isRunning(c) || !c.process) return { cpuPercent: 0, memUsage: 0, memLimit: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 0 }
  const h = hash(c.Id)
  const profile = PROFILES[c.Path] ?? { mem: 540_000 + (h % 64) * 4096, pids: 1, block: 0 }
  const uptime = Math.max(0, now - (c.State.StartedAt ?? now)) / 1000
  const cpu = uptime < 5 ? 40 + (h % 300) / 10 : ((h % 23) + 1) / 100
  const mem = profile.mem + (h % 997) * 1024
  const net = [...c.NetworkSettings.Networks.values()].some((n) => n.IPAddress !== '')
  return {
    cpuPercent: cpu,
    memUsage: mem,
    memLimit: limit,
    netRx: net ? 866 + Math.floor(uptime / 30) * 90 + (h % 7) * 45 : 0,
    netTx: 0,
    blockRead: profile.block,
    blockWrite: 0,
    pids: profile.pids + c.execs.size,
  }
}
