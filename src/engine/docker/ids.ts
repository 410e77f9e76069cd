/**
 * Object ids: 64 lowercase hex digits from the seeded Prng, like moby's
 * `stringid.GenerateRandomID`, which rejects an id whose 12-digit short form
 * is all decimal digits (it would read as a number on the command line).
 */
import type { Prng } from '../sim/random'

export function generateId(random: Prng): string {
  for (;;) {
    const id = random.hex(64)
    if (!/^\d{12}$/.test(id.slice(0, 12))) return id
  }
}

export const shortId = (id: string): string => id.slice(0, 12)

export const isHexPrefix = (s: string): boolean => /^[0-9a-f]+$/.test(s)
