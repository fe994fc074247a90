// The Lighthouse mobile performance score of the app at BASE_URL (run by `cargo xtask bench`
// against the release build behind `cargo xtask serve`): the default mobile preset, simulated
// slow 4G and a 4x slower CPU, three runs, the median printed with its page timings.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const BASE_URL = process.env.BASE_URL;
if (!BASE_URL) throw new Error('BASE_URL is not set: run this with `cargo xtask bench`');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const TARGET = 95;

const runs = [];
let failures = 0;
while (runs.length < RUNS) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(BASE_URL, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) {
      // Lighthouse sometimes fails to record the trace (NO_NAVSTART): try again, a few times.
      failures += 1;
      if (failures > 3) throw new Error(`Lighthouse could not measure ${BASE_URL}: ${runtimeError.code} ${runtimeError.message}`);
      continue;
    }
    const ms = (id) => Math.round(audits[id].numericValue);
    runs.push({
      score: Math.round(categories.performance.score * 100),
      fcp: ms('first-contentful-paint'), lcp: ms('largest-contentful-paint'), tbt: ms('total-blocking-time'),
      si: ms('speed-index'), cls: audits['cumulative-layout-shift'].numericValue,
    });
  } finally {
    await chrome.kill();
  }
}
runs.sort((a, b) => a.score - b.score);
const median = runs[Math.floor(runs.length / 2)];
console.log(`Lighthouse ${lighthouse.version ?? '12.2.3'} mobile performance (median of ${runs.length}: ${runs.map((r) => r.score).join(', ')}): ${median.score} (target >= ${TARGET})`);
console.log(`  first contentful paint ${median.fcp} ms, largest contentful paint ${median.lcp} ms, total blocking time ${median.tbt} ms, speed index ${median.si} ms, layout shift ${median.cls.toFixed(3)}`);
