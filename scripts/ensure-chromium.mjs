#!/usr/bin/env node
// Makes sure Debian's Chromium is at /usr/bin/chromium (Playwright and the
// cold-start bench use it; we never download Playwright's own browsers).
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const CHROMIUM = '/usr/bin/chromium'

function run(cmd, args) {
  console.log(`ensure-chromium: $ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  if (r.error || r.status !== 0) {
    console.error(`ensure-chromium: "${cmd} ${args.join(' ')}" failed (${r.error?.message ?? `exit ${r.status}`}).`)
    console.error(`ensure-chromium: install it by hand (as root): apt-get update && apt-get install -y chromium`)
    process.exit(1)
  }
}

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: ${CHROMIUM} is present`)
} else {
  console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium package`)
  run('apt-get', ['update'])
  run('apt-get', ['install', '-y', 'chromium'])
  if (!existsSync(CHROMIUM)) {
    console.error(`ensure-chromium: apt-get finished but ${CHROMIUM} is still missing`)
    process.exit(1)
  }
  console.log(`ensure-chromium: installed ${CHROMIUM}`)
}
