/**
 * UI entry, kept tiny on purpose: it starts the engine worker first, so the
 * simulated host boots while the browser is still fetching and compiling
 * React and xterm.js (src/ui/boot.tsx, a separate chunk). Output that arrives
 * before the terminal exists is buffered by the engine client.
 */
import { startEngineWorker } from './ui/engine-worker'
import { bootLab } from './store/lab'

// The lab to open (a shared link, else the saved lab) is known before the worker starts,
// so a lab is replayed into the worker's first World instead of replacing an empty one.
startEngineWorker(location.search, bootLab(location).workerName)
void import('./ui/boot')
