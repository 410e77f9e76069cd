/**
 * How long the daemon's work takes, in virtual milliseconds, from
 * shared/refs/real-docker-timings.md (row 2: `run -d` 294 ms, `exec` 92 ms,
 * `rm -f` 208 ms, `ps` 29 ms, all including ~30 ms of CLI start-up).
 */
export const DAEMON_TIMING = {
  /** Any API round trip (ps, inspect, images). */
  apiMs: 2,
  /** Container create: rootfs snapshot, config. */
  createMs: 55,
  /** Start: sandbox, veth, IPAM, iptables, runc create/start. */
  startMs: 200,
  /** Exec create + start until the process runs. */
  execMs: 55,
  /** Releasing the sandbox and network after the main process exits. */
  teardownMs: 45,
  /** Removing a stopped container's files. */
  removeMs: 40,
  /** Untagging/deleting an image. */
  imageDeleteMs: 25,
  /** `docker stop`'s default grace period before SIGKILL (seconds → ms). */
  stopGraceMs: 10_000,
} as const
