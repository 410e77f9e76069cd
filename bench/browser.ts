/**
 * What the browser benchmarks share: Debian's Chromium with the flags this
 * workplace needs (DEVELOPERS.md), the built app served by `vite preview` on a
 * loopback port (Node runs vite directly, so the PID we end is the server's
 * own), and a median.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
export const root = resolve(import.meta.dirname, '..')

/** A port the kernel hands out on 127.0.0.1, free at the moment of asking. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => ok(port))
    })
  })
}

export async function waitForServer(url: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`vite preview did not answer at ${url}`)
}

/** Serves `outDir` (default dist/) on 127.0.0.1:`port` and waits until it answers. End it with `process.kill(server.pid)`. */
export async function startPreview(port: number, outDir?: string): Promise<ChildProcess> {
  const args = [join(root, 'node_modules/vite/bin/vite.js'), 'preview', ...(outDir ? ['--outDir', outDir] : []), '--port', String(port), '--strictPort', '--host', '127.0.0.1']
  const server = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' })
  try {
    await waitForServer(`http://127.0.0.1:${port}/`)
  } catch (error) {
    if (server.pid !== undefined) process.kill(server.pid, 'SIGTERM')
    throw error
  }
  return server
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
