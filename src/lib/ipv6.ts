/** IPv6 text form, as glibc's inet_ntop prints it. No domain behaviour. */

/**
 * Formats eight 16-bit groups: lowercase hex without leading zeros, and the
 * longest run of two or more zero groups (the first one on a tie) written
 * as `::` (glibc inet_ntop6; RFC 5952 section 4.2).
 */
export function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  if (bestLen < 2) bestStart = -1
  const hex = (g: number): string => g.toString(16)
  if (bestStart < 0) return groups.map(hex).join(':')
  const head = groups.slice(0, bestStart).map(hex).join(':')
  const tail = groups.slice(bestStart + bestLen).map(hex).join(':')
  return `${head}::${tail}`
}
