/**
 * docker/go-units: HumanDuration (the `X ago` and `Up X` words, fact 13)
 * and HumanSize (decimal units, `%.Ng` as Go prints it).
 */

export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000)
  if (seconds < 1) return 'Less than a second'
  if (seconds === 1) return '1 second'
  if (seconds < 60) return `${seconds} seconds`
  const minutes = Math.trunc(ms / 60000)
  if (minutes === 1) return 'About a minute'
  if (minutes < 60) return `${minutes} minutes`
  const hours = Math.trunc(ms / 3600000 + 0.5)
  if (hours === 1) return 'About an hour'
  if (hours < 48) return `${hours} hours`
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`
  return `${Math.trunc(Math.trunc(ms / 3600000) / 24 / 365)} years`
}

/** Go's fmt `%.{precision}g` for a non-negative number. */
export function formatG(value: number, precision: number): string {
  if (value === 0) return '0'
  const exponent = Math.floor(Math.log10(Math.abs(value)))
  const fixed = value.toPrecision(precision)
  if (!fixed.includes('e') && exponent >= -4 && exponent < precision) {
    return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed
  }
  const [mantissa, exp] = value.toExponential(precision - 1).split('e')
  const m = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!
  const e = Number(exp)
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']

/** units.HumanSizeWithPrecision. */
export function humanSizeWithPrecision(size: number, precision: number): string {
  let i = 0
  while (size >= 1000 && i < DECIMAL_UNITS.length - 1) {
    size /= 1000
    i++
  }
  return `${formatG(size, precision)}${DECIMAL_UNITS[i]}`
}

/** units.HumanSize (4 significant digits: pull progress). */
export const humanSize = (size: number): string => humanSizeWithPrecision(size, 4)
