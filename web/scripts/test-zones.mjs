// `npm test`: the unit tests once under TZ=UTC and once under TZ=America/New_York. The web's
// calendar is China time whatever the browser's zone, so both runs must pass alike; a test checks
// that the zone really took effect in vitest's workers. Extra arguments go to both runs
// (`npm test -- calendar`).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ZONES = ['UTC', 'America/New_York']
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url))
const args = process.argv.slice(2)

for (const zone of ZONES) {
  console.log(`\n=== vitest run under TZ=${zone}`)
  const run = spawnSync(process.execPath, [vitest, 'run', ...args], {
    stdio: 'inherit',
    env: { ...process.env, TZ: zone },
  })
  if (run.status !== 0) {
    console.error(`=== unit tests failed under TZ=${zone}`)
    process.exit(run.status ?? 1)
  }
}
console.log(`\n=== unit tests passed under ${ZONES.map((z) => `TZ=${z}`).join(' and ')}`)
