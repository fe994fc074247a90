// Steps of walking through the app that the end-to-end tests and the benchmarks share.

/** Chooses the first option of every unanswered choice (radio group or checkboxes) in the
 * page's main content. */
export async function chooseFirstOptions(page) {
  for (;;) {
    const group = await page.evaluate(() => {
      const names = new Set([...document.querySelectorAll('main input[type=radio], main input[type=checkbox]')].map((input) => input.name));
      return [...names].find((name) => !document.querySelector(`main input[name="${name}"]:checked`)) ?? null;
    });
    if (group === null) return;
    await page.locator(`main input[name="${group}"]`).first().check();
  }
}

/** Waits until `check(arg)`, run in the page, resolves to a truthy value, and returns it; fails
 * after `timeout` ms. For checks that must await (the caches, IndexedDB): Playwright's
 * `waitForFunction` takes the promise such a check returns for a truthy answer and returns at
 * once, whatever the check would have said (a tidy test keeps async checks out of it). */
export async function waitUntil(page, check, arg, { timeout = 30_000, polling = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(check, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms in vain for: ${check.toString().slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, polling));
  }
}

/** The pieces of the catalog the service worker lists for its background precache
 * (catalog-<sha256>.bin), read from the text of its script. */
export const listedPieces = (worker) => [...worker.matchAll(/'\.\/(catalog-[0-9a-f]{64}\.bin)'/g)].map((match) => match[1]);

/** Whether `path` (an address's path) names a piece of the catalog. */
export const isPiecePath = (path) => /\/catalog-[0-9a-f]{64}\.bin$/.test(path);
