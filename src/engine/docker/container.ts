/**
 * A container as the daemon keeps it, with the Engine API's names
 * (`docker inspect` shows these fields): Config, HostConfig, State,
 * NetworkSettings. Run-time attachments (sandbox, processes, log
 * subscribers) sit beside them, never printed.
 */
import type { FileNode, FileSystem } from '../kernel/fs/fs'
import type { Process, Sandbox } from '../kernel/proc/process'
import type { OutputStream } from '../kernel/proc/streams'
import type { Protocol } from './ports'

/** "8080/tcp" */
export type PortKey = string

export interface PortBinding {
  /** "" means all addresses (0.0.0.0 and ::). */
  readonly HostIp: string
  /** "" means a dynamic port. */
  readonly HostPort: string
}

export interface ContainerConfig {
  readonly Hostname: string
  readonly Env: readonly string[]
  readonly Cmd: readonly string[] | null
  readonly Entrypoint: readonly string[] | null
  /** The image as the user named it (`tomcat`): `docker ps` IMAGE. */
  readonly Image: string
  readonly WorkingDir: string
  readonly ExposedPorts: readonly PortKey[]
  readonly Tty: boolean
  readonly OpenStdin: boolean
  /** `-u`: user[:group], '' for the image's (root). */
  readonly User: string
  /** The image's VOLUME paths (anonymous volumes are made for them). */
  readonly Volumes: readonly string[]
}

/** `--restart`: no, always, on-failure[:N], unless-stopped. */
export interface RestartPolicy {
  readonly Name: '' | 'no' | 'always' | 'on-failure' | 'unless-stopped'
  readonly MaximumRetryCount: number
}

/** A bind mount or volume as inspect's `Mounts` shows it (moby types.MountPoint). */
export interface MountPoint {
  readonly Type: 'bind' | 'volume'
  /** Volume name (volumes only). */
  readonly Name?: string
  readonly Source: string
  readonly Destination: string
  readonly Driver?: string
  readonly Mode: string
  readonly RW: boolean
  readonly Propagation: string
}

export interface HostConfig {
  /** 'default' (= bridge), 'bridge', 'host', 'none', 'container:<id>' or a network name. */
  readonly NetworkMode: string
  readonly PortBindings: Readonly<Record<PortKey, readonly PortBinding[]>>
  readonly PublishAllPorts: boolean
  readonly AutoRemove: boolean
  readonly Links: readonly string[]
  /** `-v` specs as given (null in inspect when none). */
  readonly Binds: readonly string[]
  readonly RestartPolicy: RestartPolicy
}

/**
 * One port of a running container, as the Engine API's container list has
 * it (`types.Port`): exposed only (no IP/PublicPort) or bound on a host IP.
 */
export interface Port {
  readonly IP?: string // 0.0.0.0, ::, 127.0.0.1
  readonly PrivatePort: number
  readonly PublicPort?: number
  readonly Type: Protocol
}

/** One entry of NetworkSettings.Networks (Engine API `EndpointSettings`), in Docker's key order. */
export interface EndpointSettings {
  /** `--ip` / `network connect --ip`: kept across restarts (fact 3); `{}` after a plain connect, null after run. */
  IPAMConfig: { IPv4Address?: string } | null
  /** `network connect --alias` / `run --network-alias`, plus the short id on user networks (fact 17). */
  Aliases: string[] | null
  NetworkID: string
  EndpointID: string
  Gateway: string
  IPAddress: string
  IPPrefixLen: number
  MacAddress: string
  /** `--link` on a user network: `name:alias` pairs the embedded DNS resolves for this container only. */
  Links?: string[] | null
  /** `{}` after `network connect`, null otherwise. */
  DriverOpts: Record<string, string> | null
}

export interface NetworkSettings {
  /** Set while running; exposed-but-unpublished ports have no PublicPort (PORTS `8080/tcp`). */
  Ports: Port[]
  /** Network name → endpoint, in connect order. */
  readonly Networks: Map<string, EndpointSettings>
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead'

export interface ContainerState {
  Status: ContainerStatus
  ExitCode: number
  Error: string
  /** Epoch ms; undefined until the first start / exit. */
  StartedAt?: number
  FinishedAt?: number
  Pid: number
  /** Set by stop/kill from the API: restart policies leave such a container alone (moby HasBeenManuallyStopped). */
  ManuallyStopped?: boolean
}

export interface Container {
  readonly Id: string
  /** With the leading slash, as the API has it: `/tomcat01`. */
  Name: string
  readonly Created: number // epoch ms
  readonly Path: string
  readonly Args: readonly string[]
  /** sha256:… of the image. */
  readonly Image: string
  readonly Config: ContainerConfig
  readonly HostConfig: HostConfig
  readonly State: ContainerState
  readonly NetworkSettings: NetworkSettings
  /** Created by a `docker run` that attaches (no -d): inspect's AttachStdout/AttachStderr. */
  readonly attachStdio?: boolean
  /** How often a restart policy restarted it. */
  RestartCount: number
  /** Bind mounts and volumes, in the order given. */
  readonly Mounts: readonly MountPoint[]
  readonly rootfs: FileSystem
  /** Files Docker bind-mounts into the container (/etc/hosts, /etc/hostname, /etc/resolv.conf). */
  readonly files: { hosts: FileNode; hostname: FileNode; resolvConf: FileNode }
  sandbox?: Sandbox
  /** `--link` variables (ALIAS_PORT…), set at start; processes get them after HOSTNAME (fact 15). */
  linkEnv?: string[]
  /** The main process while running. */
  process?: Process
  /** exec'd processes still running; killed when the main process exits. */
  readonly execs: Set<Process>
  /** Output of the main process (`docker logs`), with stream tags and epoch ms. */
  readonly log: { stream: 'stdout' | 'stderr'; data: string; time?: number }[]
  readonly attached: Set<{ stdout: OutputStream; stderr: OutputStream }>
  /** Resolvers waiting for the container to stop running (`docker wait`, attach). */
  readonly waiters: ((exitCode: number) => void)[]
  /** Resolvers waiting for the container to be removed (`run --rm` waits for that). */
  readonly removalWaiters: ((exitCode: number) => void)[]
}

/** `catalina.sh run`: Path and Args joined, as the API's container list `Command`. */
export const commandOf = (c: Container): string => [c.Path, ...c.Args].join(' ')

export const isRunning = (c: Container): boolean => c.State.Status === 'running' || c.State.Status === 'paused' || c.State.Status === 'restarting'

/** Parses "8080/tcp" / "8080". */
export function parsePortKey(key: string): { port: number; protocol: Protocol } {
  const [port, proto] = key.split('/')
  return { port: Number(port), protocol: (proto ?? 'tcp') as Protocol }
}
