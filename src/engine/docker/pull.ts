/**
 * Pull progress, as the daemon streams it (moby `distribution/pull_v2.go`
 * with `xfer` download/extract managers): one `Pulling fs layer` (or
 * `Already exists`) per layer, at most 3 concurrent downloads (the daemon's
 * default `max-concurrent-downloads`; the rest print `Waiting`), progress
 * at most every 100 ms per layer (`progressreader`'s rate limiter),
 * `Verifying Checksum`, `Download complete`, then extraction strictly in
 * layer order, each ending in `Pull complete`. Messages are the Engine API's
 * JSON stream (status, id, progressDetail); the CLI renders them (fact 25,
 * captures 181, 183). Times are virtual; the rates are a choice: the
 * reference machine had no Internet (real-docker-timings.md: "seconds to
 * tens of seconds" for tomcat).
 */
import type { ImageLayer } from './image-catalogue'

/** One message of the pull stream. `progressDetail` present ⇔ Go's `Progress != nil`. */
export interface PullMessage {
  readonly status: string
  readonly id?: string
  readonly progressDetail?: { readonly current?: number; readonly total?: number }
}

export interface TimedMessage {
  readonly at: number // virtual ms after the pull began
  readonly message: PullMessage
}

export const PULL_TIMING = {
  /** Registry round trips before the first layer line (token, manifest, config). */
  manifestMs: 450,
  maxConcurrentDownloads: 3,
  /** Per-layer download latency and rate (25 MB/s). */
  downloadLatencyMs: 130,
  downloadBytesPerMs: 25_000,
  /** Decompress + unpack rate of the compressed bytes (150 MB/s). */
  extractBytesPerMs: 150_000,
  extractLatencyMs: 40,
  /** progressreader's rate limit. */
  tickMs: 100,
  /** Registering the image after the last layer. */
  commitMs: 60,
}

export type PullTiming = { readonly [K in keyof typeof PULL_TIMING]: number }

export const layerShortId = (layer: ImageLayer): string => layer.digest.slice('sha256:'.length, 'sha256:'.length + 12)

/**
 * The whole pull as a timeline. `tagOrDigest` is the `latest` of
 * `latest: Pulling from library/tomcat`; `present[i]` marks layers already
 * on disk (shared with another image).
 */
export function planPull(
  tagOrDigest: string,
  remotePath: string,
  layers: readonly ImageLayer[],
  present: readonly boolean[],
  t: PullTiming = PULL_TIMING,
): { events: TimedMessage[]; doneAt: number } {
  const events: TimedMessage[] = []
  const emit = (at: number, status: string, id?: string, progressDetail?: PullMessage['progressDetail']): void => {
    events.push({ at, message: { status, ...(id !== undefined ? { id } : {}), ...(progressDetail ? { progressDetail } : {}) } })
  }
  const t0 = t.manifestMs
  emit(t0, `Pulling from ${remotePath}`, tagOrDigest)
  const slots: number[] = Array.from({ length: t.maxConcurrentDownloads }, () => t0)
  const downloaded: number[] = []
  layers.forEach((layer, i) => {
    const id = layerShortId(layer)
    if (present[i]) {
      emit(t0, 'Already exists', id, {})
      downloaded[i] = t0
      return
    }
    emit(t0, 'Pulling fs layer', id, {})
    const slot = slots.indexOf(Math.min(...slots))
    const start = slots[slot]!
    if (start > t0) emit(t0, 'Waiting', id, {})
    const done = start + t.downloadLatencyMs + Math.ceil(layer.size / t.downloadBytesPerMs)
    let ticks = 0
    for (let at = start + t.downloadLatencyMs + t.tickMs; at < done; at += t.tickMs, ticks++) {
      emit(at, 'Downloading', id, { current: Math.min(layer.size, (at - start - t.downloadLatencyMs) * t.downloadBytesPerMs), total: layer.size })
    }
    if (ticks === 0) emit(done, 'Downloading', id, { current: layer.size, total: layer.size })
    emit(done, 'Verifying Checksum', id, {})
    emit(done, 'Download complete', id, {})
    downloaded[i] = done
    slots[slot] = done
  })
  let extracted = t0
  layers.forEach((layer, i) => {
    if (present[i]) return
    const id = layerShortId(layer)
    const start = Math.max(downloaded[i]!, extracted) + t.extractLatencyMs
    const done = start + Math.ceil(layer.size / t.extractBytesPerMs)
    for (let at = start; at < done; at += t.tickMs) {
      emit(at, 'Extracting', id, { current: Math.max(1, (at - start) * t.extractBytesPerMs), total: layer.size })
    }
    emit(done, 'Extracting', id, { current: layer.size, total: layer.size })
    emit(done, 'Pull complete', id, {})
    extracted = done
  })
  const doneAt = extracted + t.commitMs
  // Stable sort keeps same-instant messages in the order the managers sent them.
  events.sort((a, b) => a.at - b.at)
  return { events, doneAt }
}
