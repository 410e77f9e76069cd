/**
 * Errors the stack reports to rtnetlink callers. `extack` is the kernel's
 * extended-ack message (iproute2 prints `Error: <extack>`); without one
 * iproute2 prints `RTNETLINK answers: <strerror(errno)>`.
 */
export type NetErrno = 'EEXIST' | 'EADDRNOTAVAIL' | 'EINVAL' | 'ENODEV' | 'ESRCH' | 'ENETUNREACH' | 'EOPNOTSUPP'

export const STRERROR: Record<NetErrno, string> = {
  EEXIST: 'File exists',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  EINVAL: 'Invalid argument',
  ENODEV: 'No such device',
  ESRCH: 'No such process',
  ENETUNREACH: 'Network is unreachable',
  EOPNOTSUPP: 'Operation not supported',
}

export class NetError extends Error {
  constructor(
    readonly errno: NetErrno,
    readonly extack?: string,
  ) {
    super(extack ?? STRERROR[errno])
  }
}
