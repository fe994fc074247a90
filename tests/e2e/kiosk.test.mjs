// End-to-end tests of the kiosk mode (自助终端, issue 15) in headless Chromium, against the
// release build served by `cargo xtask test` on an origin of its own (KIOSK_URL), in whose
// directory (KIOSK_DIR) the test writes the hall's kiosk.json. The page's clock is Playwright's,
// so that two minutes of idleness take a moment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { chooseFirstOptions } from './walk.mjs';

const KIOSK_URL = process.env.KIOSK_URL;
const KIOSK_DIR = process.env.KIOSK_DIR;
if (!KIOSK_URL || !KIOSK_DIR) throw new Error('KIOSK_URL and KIOSK_DIR are not set: run these tests with `cargo xtask test`');
const ARTIFACTS = process.env.ARTIFACTS ?? mkdtempSync(join(tmpdir(), 'yibiao-artifacts-'));
mkdirSync(ARTIFACTS, { recursive: true });
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'];

const CONFIG = {
  hall: { zh: '某某区政务服务中心', en: 'the Moumou District Service Centre' },
  idle_seconds: 60,
  warning_seconds: 30,
  bundles: ['retirement', 'newborn'],
  help_desk: { zh: '一楼咨询台', en: 'the enquiry desk, ground floor' },
  print: { zh: '二楼自助打印区', en: 'the printers, first floor' },
  admin_key: 'hall-key-2026',
};
const OFFERED = ['新生儿出生', '退休'];
const SIZES = { kiosk: { width: 1080, height: 1920 }, tablet: { width: 820, height: 1180 }, phone: { width: 390, height: 844 } };

// What the applicant types and attaches, to be searched for in every store afterwards.
const NAME = '柯思远';
/** A valid ID number (GB 11643) born 1949-12-31, the sample retiree's birth date. */
function idNumber() {
  const body = '11010519491231006';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, n) => total + Number(digit) * weights[n], 0);
  return body + '10X98765432'[sum % 11];
}
const ID_NUMBER = idNumber();
const MARKER = 'KIOSK-ATTACHMENT-7f3a9c';
/** A small PDF of one page whose bytes carry MARKER. */
const PDF = Buffer.from(`%PDF-1.4\n%${MARKER}\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n` +
  '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n' +
  'trailer <</Root 1 0 R>>\n%%EOF\n');
const BY_KIND = {
  text: '示例', long_text: '示例内容', integer: '3', decimal: '120', money: '100000', date: '2026-01-05',
  id_number: ID_NUMBER, mobile: '13800138000', landline: '0571-87654321', postcode: '310000',
  email: 'user@example.com', bank_card: '6222021234567890128', person_name: NAME, address: '某某市某某区某某路 1 号',
};
const BY_FIELD = { 'retiree.birth_date': '1949-12-31', 'family.id_number': '11010119750707026X', 'agent.id_number': '110101198005010130' };

let profile;
let context;
let page;
const pageProblems = [];
const heading = () => page.locator('h1');

before(async () => {
  writeFileSync(join(KIOSK_DIR, 'kiosk.json'), JSON.stringify(CONFIG, null, 2));
  profile = mkdtempSync(join(tmpdir(), 'yibiao-kiosk-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: SIZES.kiosk,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  // The device's voices and speech, stubbed in the test (never in the app): what is spoken is
  // recorded, and the voices are what the test says.
  await context.addInitScript(() => {
    window.__spoken = [];
    window.__voices = [{ lang: 'zh-CN', name: '普通话（测试）' }, { lang: 'en-US', name: 'English (test)' }];
    speechSynthesis.getVoices = () => window.__voices;
    speechSynthesis.speak = (utterance) => window.__spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
    speechSynthesis.cancel = () => {};
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  await page.clock.install();
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Lets `seconds` pass on the page's clock, a second at a time (each tick of the app's watch
 * schedules the next). */
async function pass(seconds) {
  for (let n = 0; n < seconds; n += 1) await page.clock.runFor(1_000);
}

/** Every value the browser stores for this origin, as the text of its bytes (Latin-1, so that
 * any bytes compare): both storages, every IndexedDB database's values, every cached response. */
function everythingStored() {
  return page.evaluate(async () => {
    const latin1 = (bytes) => Array.from(new Uint8Array(bytes), (byte) => String.fromCharCode(byte)).join('');
    const utf8 = (text) => latin1(new TextEncoder().encode(text));
    const found = [];
    for (const [where, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {
      for (let n = 0; n < storage.length; n += 1) {
        const key = storage.key(n);
        found.push([`${where} ${key}`, utf8(`${key}=${storage.getItem(key)}`)]);
      }
    }
    for (const { name } of await indexedDB.databases()) {
      const database = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of database.objectStoreNames) {
        const values = await new Promise((resolve) => {
          const all = database.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => resolve([]);
        });
        for (const value of values) {
          found.push([`IndexedDB ${name}/${store}`, value instanceof Blob ? latin1(await value.arrayBuffer()) : utf8(JSON.stringify(value))]);
        }
      }
      database.close();
    }
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) {
        found.push([`cache ${key} ${request.url}`, latin1(await (await cache.match(request)).arrayBuffer())]);
      }
    }
    return found;
  });
}

/** Nothing the applicant typed or attached is stored anywhere the browser keeps. */
async function expectNothingPersonalStored(when) {
  const latin1OfUtf8 = (text) => Array.from(Buffer.from(text, 'utf8'), (byte) => String.fromCharCode(byte)).join('');
  const needles = [NAME, ID_NUMBER, MARKER].map(latin1OfUtf8);
  const stored = await everythingStored();
  assert.ok(stored.length > 0, 'the app\'s own files are cached, so the search reads something');
  const leaks = stored.filter(([, text]) => needles.some((needle) => text.includes(needle))).map(([where]) => where);
  assert.deepEqual(leaks, [], `${when}: personal data stored in ${leaks.join(', ')}`);
}

/** The home page, with no trace of anyone's application. */
async function expectCleanHome(when) {
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  assert.equal(await page.locator('.draft-panel').count(), 0, `${when}: no draft is listed`);
  const text = await page.locator('body').innerText();
  for (const trace of [NAME, ID_NUMBER]) assert.ok(!text.includes(trace), `${when}: ${trace} is not shown`);
  assert.ok(['', '#/'].includes(new URL(page.url()).hash), `${when}: the address names no draft`);
}

/** No link on the page leads away from the app. */
async function expectNoLinkOut(where) {
  const out = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
    .filter((link) => new URL(link.href, location.href).origin !== location.origin).map((link) => link.href));
  assert.deepEqual(out, [], `links out of the app on ${where}`);
}

async function expectAccessible(name) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${name}`);
}

async function screenshots(name) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(ARTIFACTS, `kiosk-${name}-${size}.png`), fullPage: size !== 'kiosk' });
  }
  await page.setViewportSize(SIZES.kiosk);
}

/** The elder version's measures on the page on screen (issue 15), asserted and printed: the
 * body text's size, the line height and paragraph spacing of the main text, the smallest
 * target, and the lowest contrast of any text against its computed background (axe counts
 * 24 px text as large, for which 4.5:1 would do; here every text is held to 7:1). */
const measured = [];
async function expectElderMeasures(name) {
  const m = await page.evaluate(() => {
    const rgb = (colour) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]) => {
      const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element) => {
      for (let at = element; at; at = at.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(at).backgroundColor);
        if (a > 0) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const visible = (element) => element.getClientRects().length > 0 && !element.closest('.visually-hidden, [inert], [aria-hidden=true]')
      && (!element.closest('details:not([open])') || element.closest('summary'));
    let contrast = Infinity;
    let lowest = '';
    for (const element of document.querySelectorAll('body *')) {
      const text = [...element.childNodes].filter((node) => node.nodeType === 3).map((node) => node.textContent).join('').trim();
      if (!text || !visible(element) || element.closest(':disabled')) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const [l1, l2] = [luminance(rgb(style.color)), luminance(background(element))].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < contrast) { contrast = ratio; lowest = `${element.tagName.toLowerCase()}.${element.className} “${text.slice(0, 20)}”`; }
    }
    const body = parseFloat(getComputedStyle(document.body).fontSize);
    const paragraphs = [...document.querySelectorAll('main p')].filter(visible).filter((p) => !p.closest('.kiosk-warning'));
    const lineHeights = paragraphs.map((p) => parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize));
    const spacings = paragraphs.filter((p) => p.nextElementSibling?.tagName === 'P')
      .map((p) => parseFloat(getComputedStyle(p).marginBottom) / parseFloat(getComputedStyle(p).lineHeight));
    // Every control and every link that stands alone (a link inside running text is the
    // inline exception of WCAG 2.5.8).
    const targets = [...document.querySelectorAll('button, summary, input.input, textarea, .radio, a')]
      .filter(visible).filter((element) => !element.matches('a') || !element.closest('p'))
      .map((element) => ({ box: element.getBoundingClientRect(), what: `${element.tagName.toLowerCase()}.${element.className} “${element.textContent.trim().slice(0, 12)}”` }));
    const smallest = targets.reduce((small, each) => (Math.min(each.box.width, each.box.height) < Math.min(small.box.width, small.box.height) ? each : small), targets[0]);
    // The boundaries of controls against what is around them: at least 3:1.
    let boundary = Infinity;
    let weakest = '';
    for (const control of [...document.querySelectorAll('input.input, textarea, .radio-input, button, summary')].filter(visible)) {
      const style = getComputedStyle(control);
      const around = background(control.parentElement);
      const [r, g, b, a = 1] = rgb(style.backgroundColor);
      const edges = [Number.parseFloat(style.borderTopWidth) > 0 ? rgb(style.borderTopColor) : null, a > 0 ? [r, g, b] : null].filter(Boolean);
      if (control.matches('.radio-input')) edges.push(rgb(style.color)); // drawn with the text colour
      const best = Math.max(...edges.map((edge) => {
        const [l1, l2] = [luminance(edge), luminance(around)].sort((x, y) => y - x);
        return (l1 + 0.05) / (l2 + 0.05);
      }));
      if (best < boundary) { boundary = best; weakest = `${control.tagName.toLowerCase()}.${control.className}`; }
    }
    return {
      body,
      lineHeight: lineHeights.length ? Math.min(...lineHeights) : null,
      spacing: spacings.length ? Math.min(...spacings) : null,
      target: { width: Math.min(...targets.map(({ box }) => box.width)), height: Math.min(...targets.map(({ box }) => box.height)) },
      targets: targets.length,
      smallest: smallest.what,
      contrast,
      lowest,
      boundary,
      weakest,
    };
  });
  measured.push(`${name}: body ${m.body.toFixed(1)} px, line height ≥ ${m.lineHeight?.toFixed(2) ?? '–'}, paragraph spacing ≥ ${m.spacing?.toFixed(2) ?? '–'} × the line, smallest of ${m.targets} targets ${Math.round(m.target.width)} × ${Math.round(m.target.height)} px (narrowest or lowest: ${m.smallest}), lowest contrast ${m.contrast.toFixed(2)}:1 (${m.lowest}), weakest control boundary ${m.boundary.toFixed(2)}:1 (${m.weakest})`);
  console.log(`elder measures: ${measured.at(-1)}`);
  // 24 CSS px (18 pt), to the root's percentage's rounding.
  assert.ok(m.body >= 23.99, `${name}: body text ${m.body} px`);
  assert.ok(m.lineHeight === null || m.lineHeight >= 1.3, `${name}: line height ${m.lineHeight}`);
  assert.ok(m.spacing === null || m.spacing >= 1.299, `${name}: paragraph spacing ${m.spacing}`);
  assert.ok(m.target.width >= 59.5 && m.target.height >= 59.5, `${name}: a target of ${m.target.width} × ${m.target.height} (${m.smallest})`);
  assert.ok(m.contrast >= 7, `${name}: ${m.lowest} at ${m.contrast.toFixed(2)}:1`);
  assert.ok(m.boundary >= 3, `${name}: the boundary of ${m.weakest} at ${m.boundary.toFixed(2)}:1`);
}


/** Starts 退休 and fills it to its materials, attaching the PDF to the first material that
 * takes a file. */
async function fillRetirement(measure = false) {
  await page.locator('.bundle-card').filter({ hasText: '退休' }).getByRole('button', { name: '开始办理' }).click();
  await page.waitForFunction(() => document.querySelector('.bundle-card') === null);
  if (measure) await expectElderMeasures('a question');
  while (await page.locator('.question-form').count() > 0) {
    await chooseFirstOptions(page);
    const before = page.url();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.waitForFunction((url) => location.href !== url, before);
  }
  await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
  if (measure) await expectElderMeasures('the one-time notice');
  await page.getByRole('button', { name: '开始填写' }).click();
  await page.locator('.task-link').first().waitFor();
  if (measure) await expectElderMeasures('the task list');
  await page.locator('.task-link').first().click();
  // The elder version (a kiosk's default) asks one field a page, each checked before the next.
  await page.locator('.combined-form').waitFor();
  assert.equal(await page.locator('.combined-form .form-group').count(), 1, 'one field a page');
  assert.match(await page.locator('.caption').innerText(), /第 1 项，共 \d+ 项/);
  let checkedOnce = false;
  let steppedBack = false;
  while (await page.locator('.combined-form').count() > 0) {
    const shown = await page.locator('.combined-form .form-group').innerText();
    const input = page.locator('form .input, form .textarea');
    if (!checkedOnce && await input.count() === 1 && await input.getAttribute('data-kind') === 'person_name') {
      // A name left empty is not passed over: its error shows beside it, and it stays.
      const name = await input.getAttribute('name');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.locator('.combined-form .error-message').waitFor();
      assert.equal(await input.getAttribute('name'), name, 'the same field is asked again');
      if (measure) await expectElderMeasures('a field of a section, with its error');
      await page.screenshot({ path: join(ARTIFACTS, 'kiosk-one-field-error-kiosk.png') });
      checkedOnce = true;
    }
    await chooseFirstOptions(page);
    for (const field of await input.all()) {
      const id = await field.getAttribute('name');
      await field.fill(BY_FIELD[id] ?? BY_KIND[await field.getAttribute('data-kind')]);
    }
    const before = page.url();
    const filled = await page.locator('.combined-form .form-group').innerText();
    await page.getByRole('button', { name: '下一步' }).click();
    await Promise.race([
      page.waitForFunction((url) => location.href !== url, before),
      page.waitForFunction((text) => document.querySelector('.combined-form .form-group')?.innerText !== text, filled),
    ]);
    assert.equal(await page.locator('.combined-form .error-message').count(), 0, 'each field is filled');
    if (page.url() === before && checkedOnce && !steppedBack) {
      steppedBack = true;
      // 上一步 goes back one field, its answer kept; 下一步 comes back.
      await page.getByRole('button', { name: '上一步' }).click();
      await page.waitForFunction((text) => document.querySelector('.combined-form .form-group')?.innerText === text, shown.replace(/\n.*错误：.*$/m, ''))
        .catch(() => {});
      assert.ok((await page.locator('.combined-form .form-group').innerText()).startsWith(shown.split('\n')[0]), 'back one field');
      await page.getByRole('button', { name: '下一步' }).click();
    }
  }
  assert.ok(checkedOnce && steppedBack, 'an empty name was refused, and 上一步 went back a field');
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  const group = page.getByRole('group').filter({ has: page.getByLabel('附上电子文件') }).first();
  await group.getByLabel('附上电子文件').check();
  await group.locator('.drop-zone input[type=file]:not(.camera-input)').setInputFiles({ name: '退休申请.pdf', mimeType: 'application/pdf', buffer: PDF });
  await group.locator('.file-row').filter({ hasText: '退休申请.pdf' }).waitFor();
  if (measure) await expectElderMeasures('the materials, a file attached');
}

test('a hall\'s terminal: only its bundles, large by default, nothing personal ever stored, and a reload starts clean', { timeout: 120_000 }, async () => {
  await page.goto(KIOSK_URL);
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  await page.locator('.kiosk-bar').filter({ hasText: '某某区政务服务中心' }).waitFor();
  assert.deepEqual((await page.locator('.bundle-card h3').allInnerTexts()).sort(), OFFERED.sort(), 'only the bundles the hall offers');
  await page.getByLabel('查找要办的事').fill('企业开办');
  await page.getByText('没有找到“企业开办”').waitFor();
  await page.getByLabel('查找要办的事').fill('');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('elder')), true, 'the elder sizes are the default');
  const entries = await page.evaluate(() => history.length);
  await expectAccessible('the kiosk home page');
  await expectElderMeasures('home');
  await expectNoLinkOut('the kiosk home page');
  await screenshots('home');

  await fillRetirement(true);
  await expectNoLinkOut('the materials');
  await screenshots('materials');
  // The check page: the verdict and its reasons, as large.
  await page.getByRole('button', { name: '下一步' }).click();
  await heading().filter({ hasText: '检查填写内容' }).waitFor();
  await expectElderMeasures('the check page, its verdict');
  await expectAccessible('the kiosk check page');
  await expectNoLinkOut('the check page');
  await screenshots('check');
  // Mid-session, with a file attached: nothing of it is anywhere the browser keeps.
  await expectNothingPersonalStored('mid-session');
  assert.equal(await page.evaluate(() => history.length), entries, 'no page added to the history');
  await page.reload();
  await expectCleanHome('after a reload mid-session');
  assert.deepEqual(pageProblems, []);
});

test('idle: a warning counts down, "我还在" extends, and running out wipes every trace', { timeout: 120_000 }, async () => {
  await page.locator('.bundle-card').filter({ hasText: '退休' }).getByRole('button', { name: '开始办理' }).click();
  await page.locator('.question-form').waitFor();
  await pass(CONFIG.idle_seconds - 5);
  assert.equal(await page.locator('.kiosk-warning').count(), 0, 'no warning before the idle time');
  await pass(6);
  const warning = page.getByRole('alertdialog', { name: '您还在办理吗？' });
  await warning.waitFor();
  assert.match(await warning.innerText(), /秒后将清除您在本机填写的全部内容/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '我还在', 'the way to stay has the focus');
  assert.equal(await page.locator('main').getAttribute('inert'), '', 'the page behind is out of reach');
  await pass(10);
  assert.match(await page.locator('.kiosk-countdown').innerText(), /^(19|20)$/);
  await expectAccessible('the idle warning');
  await expectElderMeasures('the idle warning');
  await screenshots('idle-warning');
  const box = await warning.getByRole('button', { name: '我还在' }).boundingBox();
  assert.ok(box.width >= 60 && box.height >= 60, `我还在 is at least 60 × 60 px (${box.width} × ${box.height})`);
  await warning.getByRole('button', { name: '我还在' }).click();
  await page.locator('.kiosk-warning').waitFor({ state: 'detached' });
  assert.equal(await page.locator('main').getAttribute('inert'), null);
  assert.equal(await page.locator('.question-form').count(), 1, 'the applicant carries on where they were');

  // Idle again, and this time nobody answers.
  await page.locator('main input[type=radio]').first().check();
  await pass(CONFIG.idle_seconds + 1);
  await warning.waitFor();
  await Promise.all([page.waitForEvent('load'), pass(CONFIG.warning_seconds + 2)]);
  await expectCleanHome('after the warning ran out');
  await expectNothingPersonalStored('after the warning ran out');
});

test('"完成并清除" asks once, then wipes every trace; going back keeps the work', { timeout: 120_000 }, async () => {
  await fillRetirement();
  await page.getByRole('button', { name: '完成并清除' }).click();
  const dialog = page.getByRole('alertdialog', { name: '完成并清除本机上的信息？' });
  await dialog.waitFor();
  await screenshots('finish');
  await dialog.getByRole('button', { name: '返回继续办理' }).click();
  await page.locator('.file-row').filter({ hasText: '退休申请.pdf' }).waitFor();
  await page.getByRole('button', { name: '完成并清除' }).click();
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: '确认清除' }).click()]);
  await expectCleanHome('after 完成并清除');
  await expectNothingPersonalStored('after 完成并清除');
  await page.goBack().catch(() => {});
  assert.equal(await page.locator('.draft-panel').count(), 0, 'going back brings nothing back');
});

test('read aloud (语音播报): a button beside each question, material, message and reason speaks it in Mandarin, slower on request; a device without a Chinese voice is told so', { timeout: 60_000 }, async () => {
  const spoken = () => page.evaluate(() => window.__spoken.splice(0));
  await page.goto(KIOSK_URL);
  await page.locator('.bundle-card').filter({ hasText: '退休' }).getByRole('button', { name: '开始办理' }).click();
  await page.locator('.question-form').waitFor();
  const question = (await page.locator('h1').innerText()).trim();
  const button = page.getByRole('button', { name: `朗读：${question}` });
  const box = await button.boundingBox();
  assert.ok(box.width >= 60 && box.height >= 60, `the button is at least 60 × 60 px (${box.width} × ${box.height})`);
  await button.click();
  await page.waitForFunction(() => window.__spoken.length === 1);
  const [first] = await spoken();
  assert.ok(first.text.startsWith(question) && first.text.length > question.length, `the question and its explanation: ${first.text}`);
  assert.deepEqual([first.lang, first.rate], ['zh-CN', 1]);
  await page.getByRole('button', { name: '慢速朗读' }).click();
  assert.equal(await page.getByRole('button', { name: '慢速朗读' }).getAttribute('aria-pressed'), 'true');
  await button.click();
  await page.waitForFunction(() => window.__spoken.length === 1);
  assert.ok(Math.abs((await spoken())[0].rate - 0.7) < 1e-6, 'read slowly');
  // A message: continuing without an answer says what is missing, and that is read too.
  await page.getByRole('button', { name: '下一步' }).click();
  const error = (await page.locator('.error-message').first().innerText()).trim();
  await page.locator('.form-group').getByRole('button', { name: /^朗读：/ }).last().click();
  await page.waitForFunction(() => window.__spoken.length === 1);
  assert.ok(error.endsWith((await spoken())[0].text), 'the error message is read');
  // No Chinese voice on the device: said in words, and nothing is spoken.
  await page.evaluate(() => { window.__voices = [{ lang: 'en-US', name: 'English (test)' }]; });
  await button.click();
  await page.getByRole('alert').filter({ hasText: '这台设备没有中文语音，无法朗读' }).waitFor();
  assert.deepEqual(await spoken(), []);
  await expectAccessible('a question with read-aloud buttons and the no-voice message');
  // "我需要帮助": where to ask (the hall's desk), what to say, and the bundle's departments.
  const help = page.locator('details.help-panel');
  const summary = help.locator('summary');
  const size = await summary.boundingBox();
  assert.ok(size.width >= 60 && size.height >= 60, `我需要帮助 is at least 60 × 60 px (${size.width} × ${size.height})`);
  await summary.click();
  const said = await help.innerText();
  assert.match(said, /请到一楼咨询台，请工作人员帮忙。/);
  assert.match(said, /我在办‘退休’，这一页不会填/);
  const departments = await help.locator('li').allInnerTexts();
  assert.ok(departments.length >= 2 && new Set(departments).size === departments.length, `each department once: ${departments}`);
  await expectAccessible('the help panel');
  await expectElderMeasures('a question with its help open');
  await page.screenshot({ path: join(ARTIFACTS, 'kiosk-read-aloud-kiosk.png') });
  await page.evaluate(() => { window.__voices = [{ lang: 'zh-CN', name: '普通话（测试）' }]; });
});

test('a terminal started offline is still a kiosk, with only its bundles', { timeout: 60_000 }, async () => {
  await page.goto(KIOSK_URL);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // Once the worker answers for the page, kiosk.json passes through it and is kept.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await page.locator('.kiosk-bar').waitFor();
  await context.setOffline(true);
  try {
    await page.reload();
    await page.locator('.kiosk-bar').filter({ hasText: '某某区政务服务中心' }).waitFor();
    await heading().filter({ hasText: '您要办什么事？' }).waitFor();
    assert.deepEqual((await page.locator('.bundle-card h3').allInnerTexts()).sort(), OFFERED.sort());
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-kiosk')), true);
  } finally {
    await context.setOffline(false);
  }
});

test('the catalog page opens on a terminal only with the hall\'s key', { timeout: 60_000 }, async () => {
  for (const address of ['admin.html', 'admin.html#key=wrong']) {
    await page.goto('about:blank');
    await page.goto(`${KIOSK_URL}${address}`);
    await page.getByText('目录管理页面在这里不能打开').waitFor();
    assert.equal(await page.locator('input[type=file]').count(), 0, address);
  }
  await page.goto('about:blank');
  await page.goto(`${KIOSK_URL}admin.html#key=${CONFIG.admin_key}`);
  await heading().filter({ hasText: '加载事项目录' }).waitFor();
  assert.deepEqual(pageProblems, []);
});
