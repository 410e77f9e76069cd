#!/usr/bin/env node
// Prints one closing line over every test runner `npm test` ran, in the plain
// form CI reads ("tests: N passed, N failed, N skipped"), from the JSON
// reports vitest and Playwright wrote into .test-report/.
import { existsSync, readFileSync } from 'node:fs'

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined)
let passed = 0
let failed = 0
let skipped = 0

const vitest = read('.test-report/vitest.json')
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
}
const playwright = read('.test-report/playwright.json')
if (playwright) {
  const s = playwright.stats
  passed += s.expected
  failed += s.unexpected + s.flaky
  skipped += s.skipped
}
if (!vitest || !playwright) {
  console.error(`test-summary: missing report(s): ${[!vitest && 'vitest', !playwright && 'playwright'].filter(Boolean).join(', ')}`)
  process.exit(1)
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
