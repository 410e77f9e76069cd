/**
 * `docker inspect` of a container: the Engine API's JSON with Docker's key
 * order (capture 104), built from the daemon's Container. Times are
 * RFC3339Nano with a per-container nanosecond tail, as a real daemon's
 * clock has; paths follow /var/lib/docker's layout.
 */
import type { Container, MountPoint } from './container'
import { standInHex } from './digest'
import type { LocalImage } from './image-store'
import { networkSettingsJson } from './network-settings-json'
import { formatRfc3339Nano } from './time'

export const ZERO_TIME = '0001-01-01T00:00:00Z'

/** A stable sub-millisecond tail for a timestamp (0–999999 ns). */
export function nanosOf(label: string): number {
  return parseInt(standInHex(label).slice(0, 5), 16) % 1000000
}

export const timeJson = (ms: number | undefined, label: string): string => (ms === undefined ? ZERO_TIME : formatRfc3339Nano(ms, nanosOf(label)))

const portSet = (keys: readonly string[]): Record<string, object> => Object.fromEntries([...keys].sort().map((k) => [k, {}]))

export function mountJson(m: MountPoint): Record<string, unknown> {
  return m.Type === 'bind'
    ? { Type: m.Type, Source: m.Source, Destination: m.Destination, Mode: m.Mode, RW: m.RW, Propagation: m.Propagation }
    : { Type: m.Type, Name: m.Name, Source: m.Source, Destination: m.Destination, Driver: m.Driver, Mode: m.Mode, RW: m.RW, Propagation: m.Propagation }
}

/** Go's map iteration gave the capture's order; the model shows the mounts last-given first (198). */
export const mountsJson = (c: Container): Record<string, unknown>[] => [...c.Mounts].reverse().map(mountJson)

const MASKED = ['/proc/asound', '/proc/acpi', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware']
const READONLY = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger']

function hostConfigJson(c: Container): Record<string, unknown> {
  const h = c.HostConfig
  const bindings = Object.entries(h.PortBindings)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => [k, v.map((b) => ({ HostIp: b.HostIp, HostPort: b.HostPort }))])
  const zero = (keys: string[]): Record<string, 0> => Object.fromEntries(keys.map((k) => [k, 0]))
  return {
    Binds: h.Binds.length > 0 ? [...h.Binds] : null,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: h.NetworkMode,
    PortBindings: Object.fromEntries(bindings),
    RestartPolicy: { Name: h.RestartPolicy.Name, MaximumRetryCount: h.RestartPolicy.MaximumRetryCount },
    AutoRemove: h.AutoRemove,
    VolumeDriver: '',
    VolumesFrom: null,
    CapAdd: null,
    CapDrop: null,
    CgroupnsMode: 'host',
    Dns: [],
    DnsOptions: [],
    DnsSearch: [],
    ExtraHosts: null,
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: h.Links.length > 0 ? [...h.Links] : null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: false,
    PublishAllPorts: h.PublishAllPorts,
    ReadonlyRootfs: false,
    SecurityOpt: null,
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 67108864,
    Runtime: 'runc',
    ConsoleSize: [0, 0],
    Isolation: '',
    ...zero(['CpuShares', 'Memory', 'NanoCpus']),
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: null,
    BlkioDeviceWriteBps: null,
    BlkioDeviceReadIOps: null,
    BlkioDeviceWriteIOps: null,
    ...zero(['CpuPeriod', 'CpuQuota', 'CpuRealtimePeriod', 'CpuRealtimeRuntime']),
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    ...zero(['KernelMemory', 'KernelMemoryTCP', 'MemoryReservation', 'MemorySwap']),
    MemorySwappiness: null,
    OomKillDisable: false,
    PidsLimit: null,
    Ulimits: null,
    ...zero(['CpuCount', 'CpuPercent', 'IOMaximumIOps', 'IOMaximumBandwidth']),
    MaskedPaths: MASKED,
    ReadonlyPaths: READONLY,
  }
}

function configJson(c: Container, attach: { stdin: boolean; stdout: boolean }): Record<string, unknown> {
  const k = c.Config
  return {
    Hostname: k.Hostname,
    Domainname: '',
    User: k.User,
    AttachStdin: attach.stdin,
    AttachStdout: attach.stdout,
    AttachStderr: attach.stdout,
    ...(k.ExposedPorts.length > 0 ? { ExposedPorts: portSet(k.ExposedPorts) } : {}),
    Tty: k.Tty,
    OpenStdin: k.OpenStdin,
    StdinOnce: attach.stdin,
    Env: [...k.Env],
    Cmd: k.Cmd ? [...k.Cmd] : null,
    Image: k.Image,
    Volumes: k.Volumes.length > 0 ? portSet(k.Volumes) : null,
    WorkingDir: k.WorkingDir,
    Entrypoint: k.Entrypoint ? [...k.Entrypoint] : null,
    OnBuild: null,
    Labels: {},
  }
}

export function containerJson(c: Container, image: LocalImage | undefined): Record<string, unknown> {
  const dir = `/var/lib/docker/containers/${c.Id}`
  const started = c.State.StartedAt !== undefined
  const layer = standInHex(`${c.Id} rw layer`)
  const lowers = [`/var/lib/docker/overlay2/${layer}-init/diff`, ...[...(image?.spec.layers ?? [])].reverse().map((l) => `/var/lib/docker/overlay2/${standInHex(l.chainId)}/diff`)]
  const s = c.State
  return {
    Id: c.Id,
    Created: timeJson(c.Created, `${c.Id} created`),
    Path: c.Path,
    Args: [...c.Args],
    State: {
      Status: s.Status,
      Running: s.Status === 'running' || s.Status === 'paused',
      Paused: s.Status === 'paused',
      Restarting: s.Status === 'restarting',
      OOMKilled: false,
      Dead: s.Status === 'dead',
      Pid: s.Pid,
      ExitCode: s.ExitCode,
      Error: s.Error,
      StartedAt: timeJson(s.StartedAt, `${c.Id} started ${s.StartedAt ?? 0}`),
      FinishedAt: timeJson(s.FinishedAt, `${c.Id} finished ${s.FinishedAt ?? 0}`),
    },
    Image: c.Image,
    ResolvConfPath: started ? `${dir}/resolv.conf` : '',
    HostnamePath: started ? `${dir}/hostname` : '',
    HostsPath: started ? `${dir}/hosts` : '',
    LogPath: started ? `${dir}/${c.Id}-json.log` : '',
    Name: c.Name,
    RestartCount: c.RestartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: c.execs.size > 0 ? [...c.execs].map((p) => standInHex(`${c.Id} exec ${p.pid}`)) : null,
    HostConfig: hostConfigJson(c),
    GraphDriver: {
      Data: {
        LowerDir: lowers.join(':'),
        MergedDir: `/var/lib/docker/overlay2/${layer}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${layer}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${layer}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: mountsJson(c),
    Config: configJson(c, { stdin: c.Config.OpenStdin && c.attachStdio === true, stdout: c.attachStdio === true }),
    NetworkSettings: networkSettingsJson(c),
  }
}
