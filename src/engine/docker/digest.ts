/**
 * Stand-in sha256 digests for the image catalogue. The real Hub digests of
 * the 2021 images are not in our references, so each digest is derived from
 * a label with a private mulberry32 stream: stable across runs and seeds,
 * well-formed, and never drawn from the World's Prng (pulling an image must
 * not shift the ids of later containers).
 */
import { Prng } from '../sim/random'

function hashLabel(label: string): number {
  let h = 2166136261 // FNV-1a
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/** 64 hex digits derived from `label`. */
export function standInHex(label: string): string {
  return new Prng(hashLabel(label)).hex(64)
}

export const sha256 = (label: string): string => `sha256:${standInHex(label)}`
