/**
 * The records the engine publishes about its world: plain readonly JSON,
 * each with an `id` and a `kind`. The UI mirrors them in its store and draws
 * the graph from them; it never sees engine objects.
 */
export type RecordId = string

export interface HostRecord {
  readonly kind: 'host'
  /** Distinct from the host terminal's id (HOST_TERMINAL = 'host'): records share one id space. */
  readonly id: 'host-machine'
  readonly hostname: string
}

/** One network namespace: the host's or a container's. */
export interface NetnsRecord {
  readonly kind: 'netns'
  readonly id: RecordId
  /** 'host' or the owning container's id. */
  readonly owner: string
  /** The main routing table, for the inspector (`ip route`). */
  readonly routes?: readonly RouteRecord[]
}

export interface RouteRecord {
  /** `default` or `a.b.c.d/len`. */
  readonly dst: string
  readonly via?: string
  readonly dev: string
  readonly proto?: string
  readonly scope?: string
  readonly src?: string
}

/** A learned or local entry of a bridge's MAC table (`bridge fdb`). */
export interface FdbRecord {
  readonly mac: string
  /** Port name (a veth, or the bridge itself). */
  readonly port: string
  readonly permanent: boolean
}

export interface InterfaceRecord {
  readonly kind: 'interface'
  /** `${netnsId}/${ifindex}` */
  readonly id: RecordId
  readonly netns: RecordId
  readonly ifindex: number
  readonly name: string
  readonly type: 'loopback' | 'ether' | 'veth' | 'bridge'
  readonly mac: string
  /** `a.b.c.d/len` */
  readonly addresses: readonly string[]
  readonly state: 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN'
  /** veth: the peer's record id. */
  readonly peer?: RecordId
  /** bridge port: the bridge interface's record id. */
  readonly master?: RecordId
  /** bridge: its MAC table. */
  readonly fdb?: readonly FdbRecord[]
}

export interface PortBindingRecord {
  readonly hostIp: string
  readonly hostPort: number
  readonly containerPort: number
  readonly protocol: 'tcp' | 'udp' | 'sctp'
}

export interface ContainerRecord {
  readonly kind: 'container'
  readonly id: RecordId
  readonly name: string
  readonly image: string
  readonly state: 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead'
  /** Record id of its network namespace while it has one. */
  readonly netns?: RecordId
  /** 'bridge' | 'host' | 'none' | 'container:<id>' | a user network name */
  readonly networkMode: string
  readonly ports: readonly PortBindingRecord[]
  /** A shell to open in a terminal tab (`sh` or `bash`), as the image has. */
  readonly shell: string
  /** Networks it is attached to, in connect order (`docker inspect` NetworkSettings.Networks). */
  readonly networks?: readonly ContainerNetworkRecord[]
  /** `--link` entries as the API keeps them (`/tomcat02:/tomcat03/tomcat02`). */
  readonly links?: readonly string[]
  /** The text of its /etc/hosts and /etc/resolv.conf (what `cat` prints). */
  readonly hostsFile?: string
  readonly resolvConf?: string
}

export interface ContainerNetworkRecord {
  readonly name: string
  readonly networkId: RecordId
  /** Empty while stopped. */
  readonly ipAddress: string
  readonly macAddress: string
  readonly aliases: readonly string[]
}

export interface NetworkRecord {
  readonly kind: 'network'
  readonly id: RecordId
  readonly name: string
  readonly driver: 'bridge' | 'host' | 'null'
  /** Bridge interface record id (docker0, br-…), for bridge networks. */
  readonly bridge?: RecordId
  readonly subnet?: string
  readonly gateway?: string
}

export interface TerminalRecord {
  readonly kind: 'terminal'
  readonly id: RecordId
  readonly title: string
  /** Container the terminal runs in; absent for the host. */
  readonly container?: RecordId
  /** True while a program waits for input on it (a prompt is showing). */
  readonly reading: boolean
  readonly open: boolean
}

export type WorldRecord = HostRecord | NetnsRecord | InterfaceRecord | ContainerRecord | NetworkRecord | TerminalRecord
export type RecordKind = WorldRecord['kind']
