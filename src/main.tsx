/**
 * UI entry, kept tiny on purpose: it starts the engine worker first, so the
 * simulated host boots while the browser is still fetching and compiling
 * React and xterm.js (src/ui/boot.tsx, a separate chunk). Output that arrives
 * before the terminal exists is buffered by the engine client.
 */
import { startEngineWorker } from './ui/engine-worker'

startEngineWorker(location.search)
void import('./ui/boot')
