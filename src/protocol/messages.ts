/** Messages between the UI and the engine. Discriminated by `type`; never built from strings at run time. */
import type { RecordsDiff } from './diff'
import type { WorldRecord } from './records'
import type { PacketHop } from './trace'

export type ToEngine =
  /** Keys typed (or pasted) into a terminal, as xterm's onData gives them. */
  | { readonly type: 'terminal.input'; readonly terminal: string; readonly data: string }
  | { readonly type: 'terminal.resize'; readonly terminal: string; readonly cols: number; readonly rows: number }
  /** Opens a terminal running a shell inside a container (`docker exec -it <c> sh`). */
  | { readonly type: 'terminal.open'; readonly terminal: string; readonly container: string }
  | { readonly type: 'terminal.close'; readonly terminal: string }
  /** Clock control: real time, paused, or faster than real time. */
  | { readonly type: 'clock.rate'; readonly rate: number }

export type FromEngine =
  | { readonly type: 'world.snapshot'; readonly records: readonly WorldRecord[] }
  | { readonly type: 'world.diff'; readonly diff: RecordsDiff }
  | { readonly type: 'terminal.output'; readonly terminal: string; readonly data: string }
  /** Frames that crossed a link since the last flush, in order (the graph animates them). */
  | { readonly type: 'packet.trace'; readonly hops: readonly PacketHop[] }

/** The host's terminal always exists and has this id. */
export const HOST_TERMINAL = 'host'
