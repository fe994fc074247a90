// What the browser benchmarks share: a fresh Chromium profile per run, and how figures print.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** The value below which `p` percent of `values` fall. */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
export const ms = (value) => `${value.toFixed(2)} ms`;

/** Runs `run(context, page)` in a headless Chromium with a profile of its own, removed after. */
export async function withBrowser(run) {
  const profile = mkdtempSync(join(tmpdir(), 'yibiao-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS, locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
  });
  try {
    return await run(context, context.pages()[0] ?? await context.newPage());
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
