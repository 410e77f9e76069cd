/**
 * The daemon's API as programs see it: shaped like the Docker Engine API
 * (one method per endpoint, typed data in and out, `DockerError` with
 * Docker's own message on failure). The `docker` CLI is written against
 * this interface only; the UI reads the same data.
 */
import type { Process } from '../kernel/proc/process'
import type { InputStream, OutputStream } from '../kernel/proc/streams'
import type { Tty } from '../kernel/proc/tty'
import type { Container, ContainerStatus, Port, PortBinding, PortKey } from './container'
import type { ImageConfig } from './image-catalogue'
import type { Endpoint, Network } from './network'
import type { EndpointConfig } from './container-network'
import type { NetworkCreateRequest } from './network-create'
import type { PullMessage } from './pull'
import type { ContainerStatsData } from './container-stats'
import type { Volume } from './volumes'

export interface ContainerCreateRequest {
  /** `--name`; a random adjective_surname when absent. */
  readonly name?: string
  /** The image as the user typed it (`tomcat`). */
  readonly image: string
  /** Replaces the image's Cmd when non-empty. */
  readonly cmd?: readonly string[]
  readonly entrypoint?: readonly string[]
  /** `-e KEY=value`. */
  readonly env?: readonly string[]
  readonly tty?: boolean
  readonly openStdin?: boolean
  /** `--net`/`--network`; 'default' when absent. */
  readonly networkMode?: string
  /** `-P`. */
  readonly publishAll?: boolean
  /** `-p`: "8080/tcp" → bindings. */
  readonly portBindings?: Readonly<Record<PortKey, readonly PortBinding[]>>
  readonly autoRemove?: boolean
  /** `--ip` (kept only with an explicit `--net`, capture 080). */
  readonly ipv4Address?: string
  /** `--network-alias`/`--alias`. */
  readonly aliases?: readonly string[]
  /** `--link name[:alias]`. */
  readonly links?: readonly string[]
  /** `-h`/`--hostname`. */
  readonly hostname?: string
  /** `docker run` without -d attaches stdout/stderr (inspect's Config.Attach*). */
  readonly attach?: boolean
  /** `-w`: replaces the image's WorkingDir. */
  readonly workingDir?: string
  /** `-u`. */
  readonly user?: string
  /** `-v` specs as typed: `/host:/cont[:ro]`, `name:/cont`, `/cont`. */
  readonly binds?: readonly string[]
  /** `--restart`. */
  readonly restartPolicy?: { readonly Name: 'no' | 'always' | 'on-failure' | 'unless-stopped'; readonly MaximumRetryCount: number }
}

export interface ContainerSummary {
  readonly Id: string
  readonly Names: readonly string[] // ['/tomcat01']
  readonly Image: string
  readonly ImageID: string
  readonly Command: string
  readonly Created: number // epoch ms (the Engine API has Unix seconds)
  readonly Ports: readonly Port[]
  readonly State: ContainerStatus
  readonly ExitCode: number
  readonly StartedAt?: number
  readonly FinishedAt?: number
  /** With `size`: the writable layer and the image (bytes). */
  readonly SizeRw?: number
  readonly SizeRootFs?: number
  readonly Mounts?: readonly { readonly Name?: string; readonly Source: string }[]
  readonly NetworkNames?: readonly string[]
}

export interface ImageSummary {
  readonly Id: string // sha256:…
  readonly RepoTags: readonly string[]
  readonly RepoDigests: readonly string[]
  readonly Created: number // epoch ms
  readonly Size: number
}

export interface ImageInspect extends ImageSummary {
  readonly Config: ImageConfig
}

export interface ImageDeleteItem {
  readonly Untagged?: string
  readonly Deleted?: string
}

export interface PullResult {
  readonly upToDate: boolean
}

/** Streams for `docker run -it/-i` (the main process) and `docker exec`. */
export interface ProcessStdio {
  readonly stdin?: InputStream
  readonly stdout?: OutputStream
  readonly stderr?: OutputStream
  /** Run on this terminal: stdin, stdout and stderr are the TTY itself. */
  readonly tty?: Tty
}

export interface ExecRequest extends ProcessStdio {
  readonly cmd: readonly string[]
  readonly env?: readonly string[]
  readonly workingDir?: string
}

/** `docker top`: the titles and rows of the `ps -ef` the daemon ran. */
export interface TopResult {
  readonly Titles: readonly string[]
  readonly Processes: readonly (readonly string[])[]
}

export type { ContainerStatsData as ContainerStats } from './container-stats'
export type { Volume } from './volumes'

/** `docker history`: one row per layer-making instruction, newest first. */
export interface ImageHistoryItem {
  readonly Id: string // sha256:… or <missing>
  readonly Created: number // epoch ms
  readonly CreatedBy: string
  readonly Size: number
  readonly Tags: readonly string[] | null
}

/** `ps --filter` / `ps -s` options. */
export interface ContainerListOptions {
  readonly all?: boolean
  /** key → values; values of one key OR, keys AND (moby filters.Args). */
  readonly filters?: Readonly<Record<string, readonly string[]>>
  readonly size?: boolean
}

export type { EndpointConfig } from './container-network'
export type { NetworkCreateRequest } from './network-create'

export interface ServerVersion {
  readonly Version: string
  readonly ApiVersion: string
  readonly MinAPIVersion: string
  readonly GoVersion: string
  readonly GitCommit: string
  readonly BuildTime: string
  readonly Os: string
  readonly Arch: string
  readonly Experimental: boolean
  readonly Components: readonly { readonly Name: string; readonly Version: string; readonly GitCommit: string }[]
}

export interface DockerApi {
  /** The daemon's wall clock (epoch ms), for `X ago` words. */
  systemTime(): number
  version(): ServerVersion

  containerCreate(request: ContainerCreateRequest): Promise<{ Id: string }>
  /** Starts the main process; resolves once it runs (returns it). A running container is left alone. */
  containerStart(ref: string, stdio?: ProcessStdio): Promise<Process | undefined>
  containerStop(ref: string, timeoutSeconds?: number): Promise<void>
  containerRemove(ref: string, options?: { force?: boolean; volumes?: boolean }): Promise<void>
  containerList(options?: ContainerListOptions): Promise<ContainerSummary[]>
  containerInspect(ref: string): Promise<Container>
  /** Output of the main process from now on; returns the detach function. */
  containerAttach(ref: string, sink: { stdout: OutputStream; stderr: OutputStream }): () => void
  /**
   * Resolves with the exit code when the container next stops (`next-exit`),
   * at once if it is not running (`not-running`), or once it is removed
   * (`removed`, what `run --rm` waits for).
   */
  containerWait(ref: string, condition?: 'next-exit' | 'not-running' | 'removed'): Promise<number>
  containerExec(ref: string, request: ExecRequest): Promise<Process>
  containerKill(ref: string, signal?: string): Promise<void>
  containerPause(ref: string): Promise<void>
  containerUnpause(ref: string): Promise<void>
  containerRestart(ref: string, timeoutSeconds?: number): Promise<void>
  containerRename(ref: string, newName: string): Promise<void>
  containerTop(ref: string): Promise<TopResult>
  containerStats(ref: string): Promise<ContainerStatsData>
  /** The Engine API's inspect JSON (key order as Docker's), for `docker inspect`. */
  containerInspectJson(ref: string): Promise<Record<string, unknown>>
  imageInspectJson(ref: string): Promise<Record<string, unknown>>
  imageHistory(ref: string): Promise<ImageHistoryItem[]>
  volumeCreate(name?: string, labels?: Record<string, string>): Promise<Volume>
  volumeList(): Promise<Volume[]>
  volumeInspect(name: string): Promise<Volume>
  volumeRemove(name: string, force?: boolean): Promise<void>
  volumePrune(): Promise<string[]>

  imageList(): Promise<ImageSummary[]>
  imageInspect(ref: string): Promise<ImageInspect>
  imagePull(ref: string, onMessage: (message: PullMessage) => void): Promise<PullResult>
  imageRemove(ref: string, options?: { force?: boolean }): Promise<ImageDeleteItem[]>
  imageTag(source: string, target: string): Promise<void>

  networkList(): Promise<Network[]>
  networkInspect(ref: string): Promise<Network>
  /** `docker network create`: the new network (its Id is printed). */
  networkCreate(request: NetworkCreateRequest): Promise<Network>
  networkRemove(ref: string): Promise<void>
  networkConnect(network: string, container: string, config?: EndpointConfig): Promise<void>
  networkDisconnect(network: string, container: string, force?: boolean): Promise<void>
  /** Names of the networks removed. */
  networkPrune(): Promise<string[]>

  /** Synchronous views for the UI (records): every container, network and endpoint. */
  listContainers(): readonly Container[]
  listNetworks(): readonly Network[]
  listEndpoints(): readonly Endpoint[]
}
