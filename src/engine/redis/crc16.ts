/**
 * Key → hash slot, as cluster.c keyHashSlot() computes it: CRC16-XMODEM
 * (poly 0x1021, init 0) of the key, or of the text between the first `{`
 * and the next `}` when that text is non-empty (a "hash tag"), mod 16384.
 * Keys are hashed as UTF-8 bytes, like the bytes redis-cli sends.
 */
export const CLUSTER_SLOTS = 16384

const TABLE: readonly number[] = (() => {
  const t: number[] = []
  for (let i = 0; i < 256; i++) {
    let c = i << 8
    for (let j = 0; j < 8; j++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff
    t.push(c)
  }
  return t
})()

export function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

export function crc16(bytes: readonly number[]): number {
  let crc = 0
  for (const b of bytes) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ b) & 0xff]!
  return crc
}

export function keySlot(key: string): number {
  const bytes = utf8(key)
  const open = bytes.indexOf(0x7b)
  if (open >= 0) {
    const close = bytes.indexOf(0x7d, open + 1)
    // `{}` (nothing between) hashes the whole key, as keyHashSlot() does.
    if (close > open + 1) return crc16(bytes.slice(open + 1, close)) & (CLUSTER_SLOTS - 1)
  }
  return crc16(bytes) & (CLUSTER_SLOTS - 1)
}
