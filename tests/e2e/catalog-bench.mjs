// The catalog in pieces (issue 16), measured by `cargo xtask bench` in headless Chromium on the
// release build, for the shipped catalog (BASE_URL) and the generated county hall's catalog of
// 100 bundles and 1,500 items (GENERATED_URL): the first load's bytes on the wire, the first
// interactive home page (cold, 4x CPU slowdown), the home page's search per keystroke, opening a
// bundle whose piece is kept on the device and one that is not (the first after a load handed
// over to the whole app's module), and the background precache of every piece. Prints the
// figures and the targets.
import { ms, percentile, withBrowser } from './bench-browser.mjs';
import { listedPieces, waitUntil } from './walk.mjs';

const SITES = [['shipped', process.env.BASE_URL], ['generated', process.env.GENERATED_URL]];
if (SITES.some(([, url]) => !url)) throw new Error('BASE_URL and GENERATED_URL are set by `cargo xtask bench`');
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** Bytes on the wire (compressed, headers included) until the home page's first button is up. */
async function firstLoad(url) {
  return withBrowser(async (context, page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; });
    await page.goto(url);
    await page.locator('.bundle-card button').first().waitFor();
    return bytes;
  });
}

/** What the background precache fetches: every piece the service worker lists, its bytes and
 * what it takes on the wire (the server's brotli copy). */
async function pieceBytes(url) {
  const names = listedPieces(await (await fetch(new URL('sw.js', url))).text());
  let [raw, wire] = [0, 0];
  for (const name of names) {
    const response = await fetch(new URL(name, url), { headers: { 'accept-encoding': 'br' } });
    raw += (await response.arrayBuffer()).byteLength;
    wire += Number(response.headers.get('content-length') ?? 0);
  }
  return { raw, wire };
}

async function coldStart(url) {
  return withBrowser(async (context, page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('.bundle-card button').first().waitFor();
    return page.evaluate(() => performance.now());
  });
}

/** Each keystroke of queries typed into the search box, to the list of cards drawn again. */
async function search(page, queries) {
  const times = [];
  for (const query of queries) {
    for (let length = 1; length <= query.length; length += 1) {
      times.push(await page.evaluate(async (text) => {
        const input = document.getElementById('bundle-search');
        const start = performance.now();
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        return performance.now() - start;
      }, query.slice(0, length)));
    }
  }
  await page.evaluate(() => {
    const input = document.getElementById('bundle-search');
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  return times;
}

/** From "start" on a bundle's card to its first page drawn (the home page gone, and the first
 * module's hand-over to the whole app done), for `count` bundles from `from` on. */
async function openBundles(page, from, count) {
  const times = [];
  const cards = await page.locator('.bundle-card button').count();
  for (let index = from; index < Math.min(from + count, cards); index += 1) {
    await page.locator('.bundle-card button').first().waitFor();
    times.push(await page.evaluate(async (index) => {
      const buttons = [...document.querySelectorAll('.bundle-card button')];
      const start = performance.now();
      buttons[index].click();
      // Drawn: the home page and the hand-over gone, the new page's heading there.
      while (document.querySelector('.bundle-card, .handover') || !document.querySelector('main h1')) {
        if (performance.now() - start > 20_000) throw new Error('the bundle never opened');
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return performance.now() - start;
    }, index));
    await page.locator('a.brand').click();
  }
  return times;
}

const figures = {};
for (const [name, url] of SITES) {
  const bytes = await firstLoad(url);
  const cold = [];
  for (let i = 0; i < 3; i += 1) cold.push(await coldStart(url));
  const measured = await withBrowser(async (context, page) => {
    const loaded = Date.now();
    await page.goto(url);
    await page.locator('.bundle-card button').first().waitFor();
    const pieces = listedPieces(await page.evaluate(async () => (await fetch('./sw.js')).text())).length;
    // Not kept yet: the first bundles opened as soon as the page is up, before the precache.
    const uncached = await openBundles(page, 0, 3);
    await waitUntil(page, async (count) => (await (await caches.open('yibiao-pieces')).keys()).length === count,
      pieces, { timeout: 300_000 });
    const precached = Date.now() - loaded;
    const searched = await search(page, ['yijianshi', '一件事9', 'yjs', '办事42号', 'zzz', 'qykb', '餐厅']);
    // Kept on the device, not yet in the page: after a reload, bundles never opened. The first
    // open after a load hands over to the whole app (issue 16): at once after the reload, its
    // module is loaded and compiled then; once the page is used, it stands by already.
    await page.reload();
    await page.locator('.bundle-card button').first().waitFor();
    const [handedAtOnce] = await openBundles(page, 3, 1);
    await page.reload();
    await page.locator('.bundle-card button').first().waitFor();
    // The whole app stands by once the page is used (a pointer moved).
    await page.mouse.move(200, 300);
    await page.waitForFunction(() => performance.getEntriesByType('resource')
      .some((entry) => entry.name.endsWith('/yibiao-whole_bg.wasm') && entry.responseEnd > 0), null, { timeout: 30_000 });
    await page.waitForTimeout(500);
    const cached = await openBundles(page, 4, 20);
    return { pieces, uncached, precached, searched, cached, handedAtOnce };
  });
  const precachedBytes = await pieceBytes(url);
  figures[name] = { bytes, cold, ...measured };
  console.log(`${name} catalog (${measured.pieces} bundles):`);
  console.log(`  first load on the wire: ${kb(bytes)}`);
  console.log(`  first interactive home, cold, 4x CPU slowdown (3 loads): p50 ${ms(percentile(cold, 50))}, max ${ms(Math.max(...cold))}`);
  console.log(`  search, per keystroke (${measured.searched.length}): p50 ${ms(percentile(measured.searched, 50))}, p95 ${ms(percentile(measured.searched, 95))} (target: p95 under 16 ms)`);
  console.log(`  opening a bundle kept on the device (${measured.cached.length}): p50 ${ms(percentile(measured.cached, 50))}, p95 ${ms(percentile(measured.cached, 95))} (target: p95 under 50 ms); the first after a reload, handed over to the whole app standing by: ${ms(measured.cached[0])}, or at once after the reload, loaded then: ${ms(measured.handedAtOnce)}`);
  console.log(`  opening a bundle not yet kept (3): p50 ${ms(percentile(measured.uncached, 50))}, max ${ms(Math.max(...measured.uncached))}`);
  console.log(`  every piece kept for offline use, in the background: ${(measured.precached / 1000).toFixed(1)} s after the load began, ${measured.pieces} pieces of ${kb(precachedBytes.raw)} (${kb(precachedBytes.wire)} on the wire)`);
}
const growth = figures.generated.bytes / figures.shipped.bytes - 1;
console.log(`first load with the generated catalog against the shipped one: ${(growth * 100).toFixed(1)}% more (target: within 10%)`);
