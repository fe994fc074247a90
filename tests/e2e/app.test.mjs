// End-to-end tests of 一表通 in headless Chromium, against the release build served on
// 127.0.0.1 by `cargo xtask test` (BASE_URL). One browser profile walks through the app as a
// person would: pick the bundle, fill the form, see the checklist, download the answers, reload,
// go offline. Every page gets an axe scan (WCAG 2.x A and AA) and screenshots in ARTIFACTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync, renameSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { judgePacket, pdfPages, tampered } from './packet-judges.mjs';
import { chooseFirstOptions, isPiecePath, listedPieces, waitUntil } from './walk.mjs';

const BASE_URL = process.env.BASE_URL;
if (!BASE_URL) throw new Error('BASE_URL is not set: run these tests with `cargo xtask test`');
// The directory BASE_URL serves: a copy of the build that a test may redeploy.
const SITE_DIR = process.env.SITE_DIR;
if (!SITE_DIR) throw new Error('SITE_DIR is not set: run these tests with `cargo xtask test`');
const ARTIFACTS = process.env.ARTIFACTS ?? mkdtempSync(join(tmpdir(), 'yibiao-artifacts-'));
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
// No step of a test takes long; a hang must fail the run rather than stall it.
const TEST_TIMEOUT = 60_000;
// The sizes issue 15 names for phones and tablets, and a desktop.
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, tablet: { width: 820, height: 1180 }, phone: { width: 390, height: 844 } };

// The situation of the walk through 企业开办: rented premises, no staff, no invoices, in person.
const SITUATION = [
  ['经营场所是租用的还是自有的？', '租用'],
  ['开办后是否招用员工？', '否'],
  ['是否需要申领发票？', '否'],
  ['是否委托他人代办？', '否'],
];
// The typed answers of the combined form for that situation.
const VALID = {
  'enterprise.name': '某某市某某餐饮有限公司',
  'enterprise.address': '某某市某某区某某路 1 号',
  'enterprise.registered_capital': '50',
  'enterprise.capital_cash': '50',
  'enterprise.capital_in_kind': '0',
  'enterprise.business_scope': '餐饮服务；食品销售',
  'enterprise.bank_name': '某某银行某某支行',
  'applicant.name': '张三',
  'applicant.id_number': '11010519491231002X',
  'applicant.mobile': '13800138000',
  'finance.contact_name': '李四',
  'finance.contact_mobile': '13900139000',
};
// Ticked in the checkbox question 刻制印章种类.
const SEALS = ['公章', '财务专用章'];
// What the export holds, as stored: the situation, then the form's answers in canonical form.
const EXPORTED_SITUATION = {
  'premises.tenure': 'rented',
  'enterprise.hires_staff': 'no',
  'enterprise.needs_invoices': 'no',
  'application.by_agent': 'no',
};
const EXPORTED_ANSWERS = {
  ...VALID, 'enterprise.registered_capital': '50.00', 'enterprise.capital_cash': '50.00', 'enterprise.capital_in_kind': '0.00',
  'enterprise.seal_kinds': 'company,finance',
};

let profile;
let context;
let page;
// A browser of its own that draws the packet's pages (its requests are not the app's).
let rendererBrowser;
let renderer;
const requests = [];
const pageProblems = [];

const input = (fieldId) => page.locator(`#field-${fieldId.replaceAll('.', '-')}`);
const heading = () => page.locator('h1');
const question = (name) => page.getByRole('group', { name });
/** The home page's card of one bundle (the home page lists many). */
const bundleCard = (name) => page.locator('.bundle-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
/** Starts `name` from its card on the home page; its first page shows once its piece of the catalog is in. */
async function startBundle(name) {
  await bundleCard(name).getByRole('button', { name: '开始办理' }).click();
  // The home page gone, and the whole app's page drawn in place of the first module's.
  await page.waitForFunction(() => document.querySelector('.bundle-card, .handover') === null);
}
/** The caches of the app's versions (the catalog's pieces are kept in one of their own). */
const versionCaches = () => page.evaluate(async () => (await caches.keys()).filter((key) => key !== 'yibiao-pieces'));

/** Scans the page with axe for WCAG 2.x A and AA rules and fails on any violation. */
async function expectAccessible(name) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((violation) =>
    `${violation.id} (${violation.impact}): ${violation.help}\n` +
    violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary}`).join('\n'));
  assert.deepEqual(summary, [], `axe found WCAG violations on ${name}`);
  // Every id that an attribute names is on the page: a reference to nothing says nothing to
  // a screen reader (axe checks some of these attributes, not all of them).
  const dangling = await page.evaluate(() => {
    const missing = [];
    for (const attribute of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-errormessage', 'for']) {
      for (const element of document.querySelectorAll(`[${attribute}]`)) {
        for (const id of element.getAttribute(attribute).split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) missing.push(`${element.tagName.toLowerCase()} ${attribute}="${id}"`);
        }
      }
    }
    return missing;
  });
  assert.deepEqual(dangling, [], `references to no element on ${name}`);
  // Only the applicant's own fields ask the browser for the device owner's details.
  const autofilled = await page.evaluate(() => [...document.querySelectorAll('input[autocomplete]:not([autocomplete=off])')]
    .map((input) => input.id).filter((id) => !id.startsWith('field-applicant-')));
  assert.deepEqual(autofilled, [], `autofill asked for someone else's field on ${name}`);
}

/** Saves a screenshot of the page at desktop and phone widths. */
async function screenshots(name) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'yibiao-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORTS.desktop,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? await context.newPage();
  rendererBrowser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  renderer = await rendererBrowser.newPage({ viewport: { width: 794, height: 1123 } });
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A device that is no hall's terminal has no kiosk.json: before the service worker answers
    // for it (on a first visit), the browser logs the server's 404 for it.
    if (message.location().url?.endsWith('/kiosk.json')) return;
    if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
  });
});

after(async () => {
  await rendererBrowser?.close();
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('the home page offers the bundle', { timeout: TEST_TIMEOUT }, async () => {
  await page.goto(BASE_URL);
  await assert.doesNotReject(heading().filter({ hasText: '您要办什么事？' }).waitFor());
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.title(), '您要办什么事？ - 一表通');
  await bundleCard('企业开办').waitFor();
  assert.match(await bundleCard('企业开办').locator('.bundle-facts').innerText(), /涉及 4–6 个部门 · 承诺 1 个工作日内办结/);
  await expectAccessible('home');
  await screenshots('1-home');
});

test('nothing on the home page moves once it is drawn: what comes later (the offline status) moves nothing', { timeout: TEST_TIMEOUT }, async () => {
  for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
    const fresh = await rendererBrowser.newContext({ viewport, locale: 'zh-CN' });
    const other = await fresh.newPage();
    await other.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.shifts.push(`${entry.value.toFixed(4)}: ${(entry.sources ?? []).map((source) => source.node?.className ?? source.node?.nodeName).join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    try {
      // A first visit, and a visit once every piece is kept: the status says something else each time.
      for (const said of [/其余正在后台下载|全部 14 件事/, /全部 14 件事都已保存在本机/]) {
        await other.goto(BASE_URL);
        await other.locator('.offline-status').filter({ hasText: said }).waitFor({ timeout: 20_000 });
        assert.deepEqual(await other.evaluate(() => window.shifts), [], `nothing moved (${viewport.width} px wide)`);
      }
    } finally {
      await fresh.close();
    }
  }
});

test('the text size set in the browser applies, not only zoom (issue 15)', { timeout: TEST_TIMEOUT }, async () => {
  const cdp = await context.newCDPSession(page);
  const measure = () => page.evaluate(() => ({
    body: parseFloat(getComputedStyle(document.body).fontSize),
    heading: parseFloat(getComputedStyle(document.querySelector('h1')).fontSize),
    button: document.querySelector('.bundle-card .button').getBoundingClientRect().height,
  }));
  try {
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
    const normal = await measure();
    assert.equal(normal.body, 18, 'body text at the default size');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
    await page.waitForFunction(() => parseFloat(getComputedStyle(document.body).fontSize) > 18);
    const larger = await measure();
    assert.equal(larger.body, 27, 'body text follows the browser: 1.125 × 24');
    assert.equal(larger.heading, normal.heading * 1.5);
    assert.ok(larger.button >= normal.button * 1.4, `targets grow with the text: ${normal.button} → ${larger.button}`);
    await screenshots('1b-home-larger-text');
  } finally {
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
    await cdp.detach();
  }
});

test('the home page finds a bundle by characters, pinyin or initials', { timeout: TEST_TIMEOUT }, async () => {
  const search = page.getByLabel('查找要办的事');
  const shown = () => page.locator('.bundle-card h3').allInnerTexts();
  for (const [query, expected] of [['qykb', ['企业开办']], ['canyin', ['开办餐饮店']], ['Tui Xiu', ['退休']], ['退役', ['退役军人服务']]]) {
    await search.fill(query);
    await page.waitForFunction((n) => document.querySelectorAll('.bundle-card').length === n, expected.length);
    assert.deepEqual(await shown(), expected, query);
  }
  assert.match(await page.locator('#bundle-search-count').innerText(), /找到 1 件事/);
  await search.fill('zzz');
  await page.getByText('没有找到“zzz”').waitFor();
  assert.equal(await page.locator('.bundle-card').count(), 0);
  await expectAccessible('home with a search that finds nothing');
  await search.fill('');
  await page.waitForFunction(() => document.querySelectorAll('.bundle-card').length === 14);
});

test('situation questions come one per page, with progress and a back link', { timeout: TEST_TIMEOUT }, async () => {
  await startBundle('企业开办');
  await heading().filter({ hasText: '经营场所是租用的还是自有的？' }).waitFor();
  assert.match(new URL(page.url()).hash, /^#\/d\/[0-9a-z-]+\/question\/premises\.tenure$/);
  assert.match(await page.locator('.caption').innerText(), /企业开办 · 第 1 个问题，共 4 个/);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the question');

  await page.getByRole('button', { name: '继续' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await summary.locator('a').count(), 1);
  await summary.locator('a').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-premises-tenure');
  await expectAccessible('a question with its error');
  await screenshots('2-question-error');

  for (const [index, [name, answer]] of SITUATION.entries()) {
    await heading().filter({ hasText: name }).waitFor();
    assert.match(await page.locator('.caption').innerText(), new RegExp(`第 ${index + 1} 个问题，共 4 个`));
    await question(name).getByLabel(answer, { exact: true }).check();
    if (index === 1) {
      // A reload in the middle of the questions comes back to this one, answered.
      await page.reload();
      await heading().filter({ hasText: name }).waitFor();
      assert.equal(await question(name).getByLabel(answer, { exact: true }).isChecked(), true);
    }
    await page.getByRole('button', { name: '继续' }).click();
  }
  await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
  await page.getByRole('link', { name: '返回' }).click();
  await heading().filter({ hasText: '是否委托他人代办？' }).waitFor();
  assert.equal(await question('是否委托他人代办？').getByLabel('否', { exact: true }).isChecked(), true, 'the answer is kept');
  await page.getByRole('button', { name: '继续' }).click();
  await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
});

test('the one-time notice lists items and materials, why each is needed, and what another answer changes', { timeout: TEST_TIMEOUT }, async () => {
  assert.equal(await page.locator('.item-list li').count(), 4);
  assert.equal(await page.locator('.material').count(), 4);
  const lease = page.locator('.material').filter({ hasText: '租赁合同' });
  assert.match(await lease.innerText(), /因为您对“经营场所是租用的还是自有的？”的回答是“租用”/);
  assert.match(await lease.innerText(), /如果“经营场所是租用的还是自有的？”回答“自有”，就不需要这份材料/);
  assert.match(await lease.innerText(), /容缺办理（先办理，5 个工作日内补交）/);
  assert.match(await page.locator('.material').first().innerText(), /原件 1 份，复印件 2 份/);
  assert.match(await page.locator('.inset').innerText(), /您只需填写 17 项，而不是分别填写 26 项；准备 4 种材料，而不是 7 种/);
  await page.getByRole('button', { name: '打印这一页' }).waitFor();
  await expectAccessible('the one-time notice');
  await screenshots('3-notice');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: join(ARTIFACTS, '3-notice-print.pdf') });
  assert.equal(await page.locator('.masthead').isVisible(), false, 'print shows only the notice');
  await page.emulateMedia({ media: 'screen' });

  await page.reload();
  await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
  await page.getByRole('button', { name: '开始填写' }).click();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  await page.reload();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  const tasks = page.locator('.task');
  assert.deepEqual(await tasks.locator('.task-link').allInnerTexts(), ['企业', '申请人', '财务', '选择材料的提供方式', '检查填写内容']);
  assert.deepEqual(await tasks.locator('.tag').allInnerTexts(), ['未开始', '未开始', '未开始', '未开始']);
  await expectAccessible('the task list');
  await screenshots('4-tasks');
});

test('a section checks the ID number as it is typed, and continuing with errors shows a summary', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('link', { name: '申请人' }).click();
  await heading().filter({ hasText: '申请人' }).waitFor();
  await input('applicant.id_number').fill('110105194912310021');
  const message = page.locator('#field-applicant-id_number-error');
  await message.waitFor();
  assert.match(await message.innerText(), /可能有一位输错了，或有两位顺序颠倒了。请对照身份证逐位核对/);
  assert.equal(await input('applicant.id_number').getAttribute('aria-invalid'), 'true');

  await page.getByRole('button', { name: '继续' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  assert.equal(await summary.locator('a').count(), 3, 'the name, the wrong ID number, the mobile');
  await expectAccessible('a section with the error summary');
  await screenshots('5-section-error-summary');
  await summary.getByRole('link', { name: /请填写联系手机/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-applicant-mobile');
});

test('each section is restored exactly after a reload and leads to the next one', { timeout: TEST_TIMEOUT }, async () => {
  for (const field of ['applicant.name', 'applicant.id_number', 'applicant.mobile']) {
    await input(field).fill(VALID[field]);
  }
  await page.reload();
  await heading().filter({ hasText: '申请人' }).waitFor();
  for (const field of ['applicant.name', 'applicant.id_number', 'applicant.mobile']) {
    assert.equal(await input(field).inputValue(), VALID[field], `${field} restored`);
  }
  // The applicant's own name and number may come from the browser's autofill.
  assert.equal(await input('applicant.name').getAttribute('autocomplete'), 'name');
  assert.equal(await input('applicant.mobile').getAttribute('autocomplete'), 'tel');
  await page.getByRole('button', { name: '继续' }).click();
  // On to the next section not yet complete: back to the top of the list.
  await heading().filter({ hasText: '财务' }).waitFor();
  for (const field of ['finance.contact_name', 'finance.contact_mobile']) {
    await input(field).fill(VALID[field]);
  }
  await page.getByRole('button', { name: '继续' }).click();
  await heading().filter({ hasText: '企业' }).waitFor();
  for (const field of ['enterprise.name', 'enterprise.address', 'enterprise.registered_capital', 'enterprise.business_scope', 'enterprise.bank_name']) {
    await input(field).fill(VALID[field]);
  }
  // Capital that does not add up (issue 14): said beside the field once it is left, naming
  // every answer the check read, and in the summary on continuing.
  await input('enterprise.capital_cash').fill('30');
  await input('enterprise.capital_in_kind').fill('10');
  await input('enterprise.capital_in_kind').blur();
  const sum = page.locator('#field-enterprise-capital_in_kind-error');
  await sum.waitFor();
  assert.match(await sum.innerText(),
    /货币出资与非货币出资之和应等于注册资本，请核对这三个金额（您的回答：“非货币出资（万元）”为“10”，“货币出资（万元）”为“30”，“注册资本（万元）”为“50”）/);
  await page.getByRole('button', { name: '继续' }).click();
  await page.locator('.error-summary').getByRole('link', { name: /货币出资与非货币出资之和应等于注册资本/ }).waitFor();
  await input('enterprise.capital_cash').fill(VALID['enterprise.capital_cash']);
  await input('enterprise.capital_in_kind').fill(VALID['enterprise.capital_in_kind']);
  for (const seal of SEALS) {
    await question('刻制印章种类').getByLabel(seal, { exact: true }).check();
  }
  await page.reload();
  await heading().filter({ hasText: '企业' }).waitFor();
  for (const seal of ['公章', '财务专用章', '发票专用章', '法定代表人名章']) {
    const checked = await question('刻制印章种类').getByLabel(seal, { exact: true }).isChecked();
    assert.equal(checked, SEALS.includes(seal), `${seal} restored`);
  }
  assert.equal(await input('enterprise.business_scope').inputValue(), VALID['enterprise.business_scope']);
  await expectAccessible('a filled section');
  await screenshots('6-section-filled');
  await page.getByRole('button', { name: '继续' }).click();
  // The form is complete: on to the materials, not back to the task list (issue 14).
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  await page.getByRole('link', { name: '填写申请表' }).click();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  assert.deepEqual(await page.locator('.task .tag').allInnerTexts(), ['已完成', '已完成', '已完成', '未开始']);
});

test('materials: each is provided once, a waiver shows its due date, and the check says ready with commitments', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('link', { name: '选择材料的提供方式' }).click();
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  const material = (name) => page.getByRole('group', { name });
  await material('申请人身份证').getByLabel('免提交：同意部门调取电子证照').check();
  await material('公司章程').getByLabel('办理时带到窗口').check();
  const waiver = material('租赁合同').getByLabel('容缺办理：先办理，以后补交');
  assert.match(await material('租赁合同').innerText(), /请在 \d{4}-\d{2}-\d{2} 前补交。本人承诺在 5 个工作日内补交住所租赁合同/);
  await waiver.check();
  await material('财务负责人身份证').getByLabel('免提交：同意部门调取电子证照').check();
  await expectAccessible('materials');
  await screenshots('7-materials');
  await page.reload();
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  assert.equal(await waiver.isChecked(), true, 'the choices are restored');
  await page.getByRole('button', { name: '继续' }).click();

  await heading().filter({ hasText: '检查填写内容' }).waitFor();
  const verdict = page.locator('.verdict');
  assert.match(await verdict.innerText(), /预审结果：可以提交（附承诺）/);
  assert.match(await verdict.innerText(), /租赁合同：请在 \d{4}-\d{2}-\d{2} 前补交/);
  assert.match(await page.locator('.inset').innerText(), /您填写了 17 项，而不是分别填写 26 项/);
  await expectAccessible('check your answers');
  // Printed, the check page is the answers alone: no change link, button or field on paper.
  await page.emulateMedia({ media: 'print' });
  const controls = await page.evaluate(() => [...document.querySelectorAll('a, button, input, select, textarea')]
    .filter((element) => element.getClientRects().length > 0).map((element) => element.textContent.trim() || element.tagName));
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(controls, [], 'controls printed with the check page');
  assert.ok(await page.locator('.summary-row').first().isVisible(), 'the answers are shown again on screen');
  await screenshots('8-review');

  const exported = await exportPacket();
  assert.equal(exported.format, 'yibiao-packet');
  const situation = new Set(Object.keys(EXPORTED_SITUATION));
  const answered = (inSituation) => Object.fromEntries(exported.answers
    .filter((answer) => situation.has(answer.field) === inSituation).map((answer) => [answer.field, answer.value]));
  assert.deepEqual(answered(true), EXPORTED_SITUATION);
  assert.deepEqual(answered(false), EXPORTED_ANSWERS);
  assert.deepEqual(exported.items.map((item) => item.id),
    ['company_registration', 'seal_engraving_filing', 'new_taxpayer', 'bank_account_appointment']);
});

/** Exports the packet from the check page; returns its application.json, after the standard
 * tools have judged the packet. */
async function exportPacket() {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出申请包' }).click(),
  ]);
  const zip = join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(zip);
  return judgePacket(zip).application;
}

/** A real PDF of `pages` pages, printed by Chromium from `title`. */
async function makePdf(title, pages) {
  const printer = await context.newPage();
  const body = Array.from({ length: pages }, (_, n) =>
    `<section style="page-break-after: always"><h1>${title}</h1><p>第 ${n + 1} 页：第一条 本公司依法设立。</p></section>`).join('');
  await printer.setContent(`<!doctype html><meta charset="utf-8">${body}`);
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  return pdf;
}

/** A real image encoded by Chromium: lines of text on white, or blank white. */
async function makeImage(type, width, height, { blank = false } = {}) {
  const dataUrl = await page.evaluate(({ type, width, height, blank }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    if (!blank) {
      g.fillStyle = '#111';
      g.font = `${Math.round(height / 25)}px sans-serif`;
      for (let y = height / 12; y < height; y += height / 14) g.fillText('居民身份证 姓名 张三 公民身份号码 11010519491231002X', width / 20, y);
    }
    return canvas.toDataURL(type, 0.92);
  }, { type, width, height, blank });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** Waits until the app keeps `expected` files in IndexedDB (deleting unused ones is asynchronous). */
async function expectKeptFiles(expected) {
  await waitUntil(page, (expected) => new Promise((resolve) => {
    const open = indexedDB.open('yibiao');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const database = open.result;
      const count = database.transaction('files').objectStore('files').count();
      count.onsuccess = () => { resolve(count.result === expected); database.close(); };
    };
  }), expected, { timeout: 5_000 });
}

test('attachments: real files are checked on the device, kept across a reload, replaced, removed and reused', { timeout: 90_000 }, async () => {
  await page.locator('.summary-row').filter({ hasText: '公司章程' }).getByRole('link', { name: /更改/ }).click();
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  // The change link lands on the way chosen, not on the group's first (issue 14).
  await page.waitForFunction(() => document.activeElement?.checked === true
    && document.activeElement?.name === 'material-articles_of_association');
  assert.equal(await page.evaluate(() => document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent), '办理时带到窗口');
  const material = (name) => page.getByRole('group', { name });
  const articles = material('公司章程');
  await articles.getByLabel('附上电子文件').check();
  assert.match(await articles.innerText(), /PDF，每个文件不超过 10 MB/);
  const articlesPicker = page.locator('#material-articles_of_association-files');
  // 选择文件 is a real button: Enter opens the picker as Space does (issue 14). The browser
  // hands each picker over once a listener asks for them (a round trip makes sure it does).
  const chooser = articles.getByRole('button', { name: /选择文件/ });
  const pickers = [];
  const keepPicker = (picker) => pickers.push(picker);
  page.on('filechooser', keepPicker);
  await page.evaluate(() => 0);
  for (const key of ['Enter', 'Space']) {
    const before = pickers.length;
    await chooser.focus();
    await page.keyboard.press(key);
    for (let waited = 0; waited < 50 && pickers.length === before; waited += 1) await page.waitForTimeout(100);
    assert.equal(pickers.length, before + 1, `${key} opens the picker`);
    assert.equal(pickers.at(-1).isMultiple(), true);
    await pickers.at(-1).setFiles([]);
  }
  page.off('filechooser', keepPicker);
  const problem = (group) => group.getByRole('alert');

  // A text file whose name says PDF is refused by its content.
  await articlesPicker.setInputFiles({ name: '章程.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF，只是改了扩展名的文本文件。') });
  await problem(articles).filter({ hasText: '“章程.pdf”不是 PDF、JPEG 或 PNG 文件（按文件内容判断，不看文件名）' }).waitFor();
  // A file over the material's limit is refused with both sizes.
  const oversized = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20), Buffer.from('\n%%EOF\n')]);
  await articlesPicker.setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: oversized });
  // In the unit of the hint (MB with one decimal, rounded up), never "10 MB, over 10 MB".
  const megabytes = (Math.ceil((oversized.length * 10) / (1024 * 1024)) / 10).toFixed(1);
  await problem(articles).filter({ hasText: `“扫描件.pdf”：文件有 ${megabytes} MB，超过了 10 MB 的上限` }).waitFor();
  // An empty file is said to be empty, not to be of another type.
  await articlesPicker.setInputFiles({ name: '空白.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await problem(articles).filter({ hasText: '“空白.pdf”是空文件（0 字节）' }).waitFor();
  // A JPEG for a PDF-only material.
  const idCard = await makeImage('image/jpeg', 1600, 1000);
  await articlesPicker.setInputFiles({ name: '照片.jpg', mimeType: 'image/jpeg', buffer: idCard });
  await problem(articles).filter({ hasText: '这份材料只收 PDF，这个文件是 JPEG' }).waitFor();
  // A real two-page PDF named as a JPEG: its content decides, and its pages are counted.
  const articlesPdf = await makePdf('公司章程', 2);
  await articlesPicker.setInputFiles({ name: '公司章程.jpg', mimeType: 'image/jpeg', buffer: articlesPdf });
  const articlesRow = articles.locator('.file-row').filter({ hasText: '公司章程.jpg' });
  await articlesRow.waitFor();
  assert.match(await articlesRow.locator('.file-meta').innerText(), /^PDF · 2 页 · \d+ KB$/);
  assert.equal(await problem(articles).innerText(), '', 'the earlier refusals are cleared');
  assert.match(await articles.getByRole('status').innerText(), /已添加“公司章程.jpg”/);

  // Images: too small for a scan, blank, then a good one, by the picker; a PNG by drag and drop.
  const finance = material('财务负责人身份证');
  await finance.getByLabel('附上电子文件').check();
  const financePicker = page.locator('#material-finance_officer_id_card-files');
  await financePicker.setInputFiles({ name: '小图.jpg', mimeType: 'image/jpeg', buffer: await makeImage('image/jpeg', 640, 400) });
  await problem(finance).filter({ hasText: '图片太小（长边 640 像素），扫描件至少需要 1000 像素' }).waitFor();
  await financePicker.setInputFiles({ name: '白纸.jpg', mimeType: 'image/jpeg', buffer: await makeImage('image/jpeg', 1600, 1000, { blank: true }) });
  await problem(finance).filter({ hasText: '图片几乎是一片空白' }).waitFor();
  await financePicker.setInputFiles({ name: '身份证.jpg', mimeType: 'image/jpeg', buffer: idCard });
  const idRow = finance.locator('.file-row').filter({ hasText: '身份证.jpg' });
  await idRow.waitFor();
  assert.equal(await idRow.locator('.file-meta').innerText(), `JPEG · 1600 × 1000 像素 · ${Math.ceil(idCard.length / 1024)} KB`);
  // Its SM3 and CRC-32 were computed once, as it was attached (in the packet worker), and are
  // kept with it in the draft: exactly Node's own (OpenSSL's SM3, zlib's CRC-32).
  const kept = `${zlib.crc32(idCard).toString(16).padStart(8, '0')}:${createHash('sm3').update(idCard).digest('hex')}`;
  await page.waitForFunction((word) => localStorage.getItem('yibiao.draft')?.includes(`"checksums":"${word}"`), kept);
  await page.waitForFunction(() => document.querySelector('.file-row img.file-thumb')?.naturalWidth > 0);
  const dropped = await page.evaluateHandle(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 1700;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 1200, 1700);
    g.fillStyle = '#222';
    g.font = '48px sans-serif';
    for (let y = 100; y < 1700; y += 90) g.fillText('身份证反面 签发机关 有效期限', 60, y);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], '反面.png', { type: 'image/png' }));
    return transfer;
  });
  await finance.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await finance.locator('.file-row').filter({ hasText: '反面.png' }).waitFor();
  assert.match(await finance.locator('.file-row').nth(1).locator('.file-meta').innerText(), /^PNG · 1200 × 1700 像素/);

  // Everything is kept across a reload: the files, their order and their thumbnails.
  await page.reload();
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  assert.deepEqual(await finance.locator('.file-name').allInnerTexts(), ['身份证.jpg', '反面.png']);
  assert.deepEqual(await articles.locator('.file-name').allInnerTexts(), ['公司章程.jpg']);
  await page.waitForFunction(() => [...document.querySelectorAll('.file-row img.file-thumb')].filter((img) => img.naturalWidth > 0).length === 2);
  await expectKeptFiles(3);
  await expectAccessible('materials with attached files');
  await screenshots('7b-materials-attached');

  // A full device: the browser refuses to store the file; it is not attached, and says so.
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  try {
    await financePicker.setInputFiles({ name: '第三页.jpg', mimeType: 'image/jpeg', buffer: await makeImage('image/jpeg', 1400, 1000) });
    await problem(finance).filter({ hasText: '“第三页.jpg”：本机存储空间已满，这个文件没有保存' }).waitFor();
    assert.deepEqual(await finance.locator('.file-name').allInnerTexts(), ['身份证.jpg', '反面.png']);
  } finally {
    await page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
  }

  // Replace keeps the place; the replaced file, used nowhere else, is deleted from the device.
  const articlesV2 = await makePdf('公司章程（修订）', 3);
  await page.locator('#material-articles_of_association-replace-0').setInputFiles({ name: '公司章程-修订.pdf', mimeType: 'application/pdf', buffer: articlesV2 });
  await articles.locator('.file-row').filter({ hasText: '公司章程-修订.pdf' }).waitFor();
  assert.deepEqual(await articles.locator('.file-name').allInnerTexts(), ['公司章程-修订.pdf']);
  assert.match(await articles.locator('.file-meta').innerText(), /^PDF · 3 页/);
  await expectKeptFiles(3);

  // The same ID card copy serves the applicant too: reused, not attached twice.
  const applicant = material('申请人身份证');
  await applicant.getByLabel('附上电子文件').check();
  await applicant.getByRole('button', { name: '使用 “身份证.jpg”' }).click();
  await applicant.locator('.file-row').filter({ hasText: '身份证.jpg' }).waitFor();
  // Removing it from the finance officer keeps it for the applicant; focus stays in the panel.
  await finance.getByRole('button', { name: '删除 “身份证.jpg”' }).click();
  assert.deepEqual(await finance.locator('.file-name').allInnerTexts(), ['反面.png']);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'material-finance_officer_id_card-files-button');
  assert.deepEqual(await applicant.locator('.file-name').allInnerTexts(), ['身份证.jpg']);
  // Choosing another way sets the files aside; choosing attach again brings them back.
  await applicant.getByLabel('免提交：同意部门调取电子证照').check();
  assert.match(await applicant.innerText(), /之前附上的文件仍然保存着/);
  await applicant.getByLabel('附上电子文件').check();
  assert.deepEqual(await applicant.locator('.file-name').allInnerTexts(), ['身份证.jpg']);
  await applicant.getByLabel('免提交：同意部门调取电子证照').check();

  await page.getByRole('button', { name: '继续' }).click();
  await heading().filter({ hasText: '检查填写内容' }).waitFor();
  assert.match(await page.locator('.summary-row').filter({ hasText: '公司章程' }).innerText(), /附上电子文件：“公司章程-修订.pdf”/);
  assert.match(await page.locator('.verdict').innerText(), /预审结果：可以提交（附承诺）/);
  const exported = await exportPacket();
  const entry = exported.materials.find((line) => line.id === 'articles_of_association');
  assert.equal(entry.provided.how, 'attached');
  assert.deepEqual(entry.files.map((file) => [file.original_name, file.file_type, file.sha256, file.size]),
    [['公司章程-修订.pdf', 'pdf', createHash('sha256').update(articlesV2).digest('hex'), articlesV2.length]]);
});

test('changing a situation answer walks through what it brings in, then back to the check', { timeout: TEST_TIMEOUT }, async () => {
  const row = page.locator('.summary-row').filter({ hasText: '开办后是否招用员工？' });
  await row.getByRole('link', { name: /更改/ }).click();
  await heading().filter({ hasText: '开办后是否招用员工？' }).waitFor();
  await question('开办后是否招用员工？').getByLabel('是', { exact: true }).check();
  await page.getByRole('button', { name: '继续' }).click();
  // The staff count is new, in the company section.
  await heading().filter({ hasText: '企业' }).waitFor();
  await page.getByRole('button', { name: '继续' }).click();
  await page.locator('.error-summary').getByRole('link', { name: /参保职工人数/ }).waitFor();
  const staffCount = page.locator('.form-group').filter({ has: input('enterprise.staff_count') });
  assert.match(await staffCount.innerText(), /为什么需要：因为您对“开办后是否招用员工？”的回答是“是”/);
  await input('enterprise.staff_count').fill('3');
  await page.getByRole('button', { name: '继续' }).click();
  // The staff list is a new material.
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  await page.getByRole('button', { name: '继续' }).click();
  await heading().filter({ hasText: '检查填写内容' }).waitFor();
  const verdict = page.locator('.verdict');
  assert.match(await verdict.innerText(), /暂不能提交/);
  // Each reason links to where it is fixed.
  await verdict.getByRole('link', { name: /参保职工花名册/ }).click();
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  // The link lands on that material, not at the top of a long page.
  await page.waitForFunction(() => document.activeElement?.id === 'material-staff_list');
  await page.getByRole('group', { name: '参保职工花名册' }).getByLabel('办理时带到窗口').check();
  await page.getByRole('button', { name: '继续' }).click();
  await heading().filter({ hasText: '检查填写内容' }).waitFor();
  assert.match(await page.locator('.verdict').innerText(), /预审结果：可以提交（附承诺）/);
});

test('the back button returns to the previous page with everything kept', { timeout: TEST_TIMEOUT }, async () => {
  await page.goBack();
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  assert.equal(await page.getByRole('group', { name: '参保职工花名册' }).getByLabel('办理时带到窗口').isChecked(), true);
  await page.goForward();
  await heading().filter({ hasText: '检查填写内容' }).waitFor();
});

test('every string follows the language switch', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('button', { name: 'Switch to English' }).click();
  try {
    await heading().filter({ hasText: 'Check your answers' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.locator('.verdict').innerText(), /Pre-check: ready, with commitments/);
    assert.match(await page.locator('.inset').innerText(), /You filled in 18 answers instead of 37/);
    // Interface text only: the applicant's own answers (Chinese names and addresses),
    // decoration hidden from assistive technology and the noscript fallback are not.
    const chinese = await page.evaluate(() => {
      const copy = document.body.cloneNode(true);
      copy.querySelectorAll('[aria-hidden="true"], noscript, .summary-row dd:not(.summary-action)').forEach((node) => node.remove());
      return copy.textContent.match(/[\u4e00-\u9fff]+/g) ?? [];
    });
    // The link back to Chinese is the only Chinese the English interface may show.
    assert.deepEqual(chinese.filter((text) => text !== '中文'), [], 'no untranslated interface text');
    await expectAccessible('check your answers in English');
    await screenshots('9-review-english');
  } finally {
    await page.getByRole('button', { name: '切换到中文' }).click();
  }
  await heading().filter({ hasText: '检查填写内容' }).waitFor();
});

test('after one load the app works offline, reloads included, and opens a bundle never opened', { timeout: TEST_TIMEOUT }, async () => {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Every bundle's piece is kept in the background once the first page is up (issue 16).
  const pieces = listedPieces(await page.evaluate(async () => (await fetch('./sw.js')).text()));
  assert.equal(pieces.length, 14, 'a piece per bundle, listed by the service worker');
  await waitUntil(page, async (count) => {
    const cache = await caches.open('yibiao-pieces');
    return (await cache.keys()).length === count;
  }, pieces.length, { timeout: 20_000, polling: 200 });
  await context.setOffline(true);
  try {
    await page.reload();
    await heading().filter({ hasText: '检查填写内容' }).waitFor();
    await page.getByRole('link', { name: '填写申请表' }).click();
    await heading().filter({ hasText: '填写申请表' }).waitFor();
    await page.getByRole('link', { name: '一表通' }).click();
    await heading().filter({ hasText: '您要办什么事？' }).waitFor();
    await page.getByRole('heading', { name: '我的申请' }).waitFor();
    // The home page says, unobtrusively, that everything is kept for use offline.
    await page.locator('.offline-status').filter({ hasText: '全部 14 件事都已保存在本机，没有网络也能办理。' }).waitFor();
    await expectAccessible('home with a draft, offline');
    await screenshots('10-home-draft-offline');
    // A bundle this page never opened, offline: its piece comes from the cache.
    const before = await page.locator('.draft-panel').count();
    await startBundle('退役军人服务');
    await page.locator('.question-form').waitFor();
    await page.getByRole('link', { name: '一表通' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.draft-panel').length === n + 1, before);
    const panel = page.locator('.draft-panel').filter({ has: page.getByRole('heading', { name: '退役军人服务' }) });
    await panel.getByRole('button', { name: '删除这份草稿' }).click();
    await panel.getByRole('button', { name: '确定删除' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.draft-panel').length === n, before);
  } finally {
    await context.setOffline(false);
  }
});

/** Changes the last byte of the published piece whose bytes hold `marker` in `on`'s piece
 * cache, as a damaged disk or a meddling program would leave it; returns the piece's name. */
async function tamperKeptPiece(on, marker) {
  const names = readdirSync(SITE_DIR).filter((name) => isPiecePath(`/${name}`));
  const piece = names.find((name) => readFileSync(join(SITE_DIR, name)).includes(Buffer.from(marker)));
  const changed = [...readFileSync(join(SITE_DIR, piece))];
  changed[changed.length - 1] ^= 1;
  await on.evaluate(async ([name, bytes]) => {
    const cache = await caches.open('yibiao-pieces');
    await cache.put(new URL(name, location.href).href, new Response(new Uint8Array(bytes)));
  }, [piece, changed]);
  return piece;
}

test('a piece of the catalog that is not what its index names is refused by the bundle\'s name (issue 16)', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('link', { name: '一表通' }).click();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  const drafts = await page.locator('.draft-panel').count();
  // The piece of 残疾人服务, named by its card in the index, changed in the device's cache.
  const index = readFileSync(join(SITE_DIR, 'catalog-index.bin'));
  const piece = await tamperKeptPiece(page, 'disability_services');
  assert.ok(piece && index.includes(Buffer.from(piece.slice(8, 72))), 'the index names the piece by its digest');
  await bundleCard('残疾人服务').getByRole('button', { name: '开始办理' }).click();
  const said = bundleCard('残疾人服务').locator('[role=status]');
  await said.filter({ hasText: '指纹不符' }).waitFor();
  assert.match(await said.innerText(), /“残疾人服务”的内容与事项目录记载的指纹不符.*没有使用。请再试一次。已保存的草稿都还在本机/);
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  assert.equal(await page.locator('.draft-panel').count(), drafts, 'nothing was started');
  await expectAccessible('home, a piece refused');
  await screenshots('10b-piece-refused');
  // The other bundles still open.
  await startBundle('退休');
  await page.locator('.question-form').waitFor();
  await page.getByRole('link', { name: '一表通' }).click();
  await deleteNewest(drafts);
  // The refused copy was dropped from the device: the next try fetches the genuine piece.
  await waitUntil(page, async (name) => {
    const cache = await caches.open('yibiao-pieces');
    return !(await cache.keys()).some((request) => request.url.endsWith(name));
  }, piece);
  await startBundle('残疾人服务');
  await page.locator('.question-form').waitFor();
  await page.getByRole('link', { name: '一表通' }).click();
  await deleteNewest(drafts);
});

test('a piece that is slow to come is said to be loading on its card; one kept on the device opens without that flash (issue 16)', { timeout: TEST_TIMEOUT }, async () => {
  // No service worker, so that every piece the page does not find kept comes through the route.
  const slow = await rendererBrowser.newContext({ viewport: VIEWPORTS.desktop, locale: 'zh-CN', serviceWorkers: 'block' });
  const other = await slow.newPage();
  let delay = 1_500;
  await slow.route((url) => isPiecePath(url.pathname), async (route) => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    await route.continue();
  });
  const card = (name) => other.locator('.bundle-card').filter({ has: other.getByRole('heading', { name, exact: true }) });
  try {
    await other.goto(BASE_URL);
    await card('退休').waitFor();
    // A piece on the network: its card says so while it comes, and the bundle opens when it is in.
    await card('退休').getByRole('button', { name: '开始办理' }).click();
    await card('退休').locator('[role=status]').filter({ hasText: '正在载入这件事的内容……' }).waitFor({ timeout: 1_000 });
    await other.locator('.question-form').waitFor();
    await other.getByRole('link', { name: '一表通' }).click();
    // A piece kept on the device (put in the piece cache, as the service worker keeps it) comes
    // at once: nothing is said on its card.
    delay = 0;
    const listed = listedPieces(await other.evaluate(async () => (await fetch('./sw.js')).text()));
    await other.evaluate(async (names) => {
      const cache = await caches.open('yibiao-pieces');
      for (const name of names) await cache.put(new URL(name, location.href).href, await fetch(name));
    }, listed);
    // From here a piece from the network would not come within the test's time.
    delay = 60_000;
    await card('残疾人服务').waitFor();
    await other.evaluate(() => {
      window.said = [];
      new MutationObserver(() => {
        for (const status of document.querySelectorAll('.bundle-card [role=status]')) window.said.push(status.textContent);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await card('残疾人服务').getByRole('button', { name: '开始办理' }).click();
    await other.locator('.question-form').waitFor();
    assert.deepEqual(await other.evaluate(() => window.said.filter((text) => text.trim() !== '')), [], 'no message flashed');
  } finally {
    await slow.close();
  }
});

/** Whether `path` names the whole app's script or module (issue 16). */
const isWholeApp = (path) => /\/yibiao-whole(_bg\.wasm|\.js)$/.test(path);

test('the first load is the home page\'s module; a draft opens in the whole app, handed over in place, and its address starts it at once (issue 16)', { timeout: TEST_TIMEOUT }, async () => {
  const fresh = await rendererBrowser.newContext({ viewport: VIEWPORTS.desktop, locale: 'zh-CN' });
  const other = await fresh.newPage();
  const fetched = [];
  other.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  // Whether the home page was ever drawn in this document.
  await other.addInitScript(() => {
    window.sawHome = false;
    new MutationObserver(() => { window.sawHome ||= document.querySelector('.bundle-card') !== null; })
      .observe(document, { childList: true, subtree: true });
  });
  const card = (name) => other.locator('.bundle-card').filter({ has: other.getByRole('heading', { name, exact: true }) });
  try {
    await other.goto(BASE_URL);
    await card('退休').waitFor();
    assert.deepEqual(fetched.filter(isWholeApp), [], 'the whole app is not part of the first load');
    // Once the home page is up, the service worker keeps the app and someone uses the page (not
    // before: a page only loaded fetches nothing more), the whole app comes in the background
    // and stands by: by its module's request, as the page compiles it ahead of need.
    await other.waitForTimeout(2_500);
    assert.deepEqual(fetched.filter(isWholeApp), [], 'nothing more before the page is used');
    await other.mouse.move(200, 300);
    await other.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/yibiao-whole_bg.wasm')), null, { timeout: 20_000 });
    await other.waitForTimeout(300);
    await other.evaluate(() => { window.sameDocument = true; });
    await card('退休').getByRole('button', { name: '开始办理' }).click();
    await other.locator('.question-form').waitFor();
    assert.equal(await other.evaluate(() => window.sameDocument), true, 'handed over without a reload');
    assert.equal(await other.locator('main').count(), 1, 'the first module\'s app is gone: one app on the page');
    assert.equal(await other.locator('.masthead').count(), 1, 'one header');
    assert.equal(await other.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the new page\'s heading');
    // The draft was started by the whole app, woken from standing by: saved, and its page
    // follows the home page in the history.
    await other.goBack();
    await other.locator('.draft-panel').filter({ has: other.getByRole('heading', { name: '退休' }) }).waitFor();
    await other.goForward();
    await other.locator('.question-form').waitFor();
    // From here the whole app draws home and every draft itself.
    await other.getByRole('link', { name: '一表通' }).click();
    await card('残疾人服务').getByRole('button', { name: '开始办理' }).click();
    await other.locator('.question-form').waitFor();
    assert.equal(await other.locator('.handover').count(), 0);
    // A draft's address (a reload, a bookmark) starts the whole app at once: no home page first.
    await other.reload();
    await other.locator('.question-form').waitFor();
    assert.equal(await other.evaluate(() => window.sawHome), false, 'the home page was never drawn');
    await other.getByRole('link', { name: '一表通' }).click();
    await other.locator('.draft-panel').nth(1).waitFor();
  } finally {
    await fresh.close();
  }
});

test('with the whole app standing by, a bundle whose piece is refused says so on its card and hands nothing over; another opens (issue 16)', { timeout: TEST_TIMEOUT }, async () => {
  const fresh = await rendererBrowser.newContext({ viewport: VIEWPORTS.desktop, locale: 'zh-CN' });
  const other = await fresh.newPage();
  const card = (name) => other.locator('.bundle-card').filter({ has: other.getByRole('heading', { name, exact: true }) });
  try {
    await other.goto(BASE_URL);
    await card('残疾人服务').waitFor();
    // Every piece kept, then the one of 残疾人服务 changed in the cache; the whole app stands by.
    const listed = listedPieces(await other.evaluate(async () => (await fetch('./sw.js')).text()));
    await waitUntil(other, async (count) => (await (await caches.open('yibiao-pieces')).keys()).length === count,
      listed.length, { timeout: 20_000, polling: 200 });
    assert.ok(listed.includes(await tamperKeptPiece(other, 'disability_services')), 'a listed piece changed');
    await other.mouse.move(200, 300);
    await other.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/yibiao-whole_bg.wasm')), null, { timeout: 20_000 });
    await other.waitForTimeout(300);
    await other.evaluate(() => {
      window.sameDocument = true;
      window.sawHandover = false;
      new MutationObserver(() => { window.sawHandover ||= document.querySelector('.handover') !== null; })
        .observe(document.body, { childList: true, subtree: true });
    });
    await card('残疾人服务').getByRole('button', { name: '开始办理' }).click();
    await card('残疾人服务').locator('[role=status]').filter({ hasText: '指纹不符' }).waitFor();
    // Nothing was handed over or started: the first module's home page is still there.
    await other.waitForTimeout(300);
    assert.equal(await other.locator('.handover').count(), 0);
    assert.equal(await other.locator('.draft-panel').count(), 0, 'no draft started');
    await card('退休').getByRole('button', { name: '开始办理' }).click();
    await other.locator('.question-form').waitFor();
    assert.equal(await other.evaluate(() => window.sameDocument), true, 'handed over without a reload');
    // Woken from standing by, the whole app started the draft itself: the first module never
    // drew a page for it.
    assert.equal(await other.evaluate(() => window.sawHandover), false, 'no hand-over page');
  } finally {
    await fresh.close();
  }
});

test('when the whole app cannot be had, a draft\'s page says why, keeps the draft, and opens on a try once it can (issue 16)', { timeout: TEST_TIMEOUT }, async () => {
  // No service worker: the whole app comes through the route, which refuses it until told.
  const blocked = await rendererBrowser.newContext({ viewport: VIEWPORTS.phone, locale: 'zh-CN', serviceWorkers: 'block' });
  const suitePage = page;
  page = await blocked.newPage();
  let refuse = true;
  await blocked.route((url) => isWholeApp(url.pathname), (route) => (refuse ? route.abort() : route.continue()));
  try {
    await page.goto(BASE_URL);
    await startBundleAsked('退休');
    const failed = page.locator('h1.handover').filter({ hasText: '这一页暂时打不开' });
    await failed.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '这一页暂时打不开', 'focus on what happened');
    const said = await page.locator('main [role=alert]').innerText();
    assert.ok(said.includes('无法载入填写草稿所需的程序') && said.includes('已保存的草稿都还在本机'), said);
    await expectAccessible('a draft\'s page that cannot open');
    await screenshots('22-whole-app-unavailable');
    // Back home: the draft is saved and listed; continuing it meets the same failure, said again.
    await page.getByRole('button', { name: '返回首页' }).click();
    const panel = page.locator('.draft-panel').filter({ has: page.getByRole('heading', { name: '退休' }) });
    await panel.getByRole('button', { name: '继续填写' }).click();
    await failed.waitFor();
    // Once it can be had, trying again opens the draft where it was.
    refuse = false;
    await page.getByRole('button', { name: '再试一次' }).click();
    await page.locator('.question-form').waitFor();
    assert.equal(await page.locator('main').count(), 1);
  } finally {
    page = suitePage;
    await blocked.close();
  }
});

/** Starts the bundle `name` from the home page, without waiting for its page. */
async function startBundleAsked(name) {
  await bundleCard(name).getByRole('button', { name: '开始办理' }).click();
}

/** Deletes the newest draft (listed first), leaving `left`. */
async function deleteNewest(left) {
  const panels = page.locator('.draft-panel');
  await page.waitForFunction((n) => document.querySelectorAll('.draft-panel').length === n + 1, left);
  await panels.first().getByRole('button', { name: '删除这份草稿' }).click();
  await panels.first().getByRole('button', { name: '确定删除' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.draft-panel').length === n, left);
}

test('a new version replaces the cache and keeps the draft', { timeout: TEST_TIMEOUT }, async () => {
  const cachesBefore = await versionCaches();
  assert.equal(cachesBefore.length, 1, 'one cache for the one version');
  const draftBefore = await page.evaluate(() => localStorage.getItem('yibiao.draft'));
  assert.ok(draftBefore, 'a draft is saved');
  // Deploy a new version on the server: the same build with another version in sw.js.
  const workerPath = join(SITE_DIR, 'sw.js');
  const worker = readFileSync(workerPath, 'utf8');
  const next = worker.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'");
  assert.notEqual(next, worker, 'sw.js carries a version to change');
  writeFileSync(workerPath, next);
  try {
    await page.evaluate(async () => {
      const changed = new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      await changed;
      // The controller changes when the new worker starts activating; its clean-up of the
      // old cache is done once it is activated.
      const worker = navigator.serviceWorker.controller;
      if (worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
        }));
      }
    });
    assert.deepEqual(await versionCaches(), [`${cachesBefore[0]}-next`], 'the old cache is gone');
    assert.ok((await page.evaluate(() => caches.keys())).includes('yibiao-pieces'), 'the pieces are kept across versions');
    assert.equal(await page.evaluate(() => localStorage.getItem('yibiao.draft')), draftBefore, 'the draft is untouched');
    await page.reload();
    await page.locator('.draft-panel').waitFor();
  } finally {
    writeFileSync(workerPath, worker);
  }
});

/**
 * Asks the browser to check sw.js, and waits for what the new worker comes to: 'activated',
 * 'redundant' (its install failed) or 'unchanged' (the same sw.js).
 */
async function updateWorker() {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return 'unchanged';
    return new Promise((resolve) => {
      const check = () => { if (worker.state === 'activated' || worker.state === 'redundant') resolve(worker.state); };
      worker.addEventListener('statechange', check);
      check();
    });
  });
}

/** Whether the app started: the home page's heading, within a few seconds. */
async function appStarts() {
  await page.reload();
  return page.getByRole('heading', { name: '您要办什么事？' }).waitFor({ timeout: 10_000 }).then(() => true, () => false);
}

test('a deployment copied in any order, or half copied, never leaves a device that cannot start', { timeout: 90_000 }, async () => {
  // A next version of the build: the same bytes under new names, as a real build gives its
  // script, module and boot files new hashed names, with a new sw.js listing them.
  const names = readdirSync(SITE_DIR);
  const renamed = names
    .filter((name) => /^(yibiao|boot)-[0-9a-f]+(_bg\.wasm|\.js)$/.test(name))
    .map((name) => [name, name.replace(/-([0-9a-f]+)/, '-$1e2e')]);
  assert.ok(renamed.length >= 4, `hashed files to rename: ${renamed.map(([name]) => name)}`);
  const rename = (text) => renamed.reduce((out, [from, to]) => out.replaceAll(from, to), text);
  const original = Object.fromEntries(['index.html', 'admin.html', 'sw.js'].map((name) => [name, readFileSync(join(SITE_DIR, name), 'utf8')]));
  const next = {
    'index.html': rename(original['index.html']),
    'admin.html': rename(original['admin.html']),
    'sw.js': rename(original['sw.js']).replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-e2e'"),
  };
  const aside = join(SITE_DIR, '..', 'e2e-site-old');
  mkdirSync(aside, { recursive: true });
  const write = (name, text) => writeFileSync(join(SITE_DIR, name), text);
  try {
    // 1. The new hashed files and sw.js first, the pages last (and the old files already gone):
    //    the new version must not install with the old pages, and the old one keeps working.
    for (const [from, to] of renamed) {
      // Only the boot scripts name other files; the rest keep their bytes (and integrity hashes).
      const bytes = readFileSync(join(SITE_DIR, from));
      write(to, from.startsWith('boot-') ? rename(bytes.toString('utf8')) : bytes);
      renameSync(join(SITE_DIR, from), join(aside, from));
    }
    write('sw.js', next['sw.js']);
    assert.equal(await updateWorker(), 'redundant', 'a version whose pages name other files does not install');
    assert.ok(await appStarts(), 'the version in use still starts');
    assert.ok(await appStarts(), 'and again');

    // 2. Half copied: the new pages are there but one new file is missing.
    write('index.html', next['index.html']);
    write('admin.html', next['admin.html']);
    const wasm = renamed.find(([from]) => from.endsWith('_bg.wasm') && !from.includes('admin'))[1];
    renameSync(join(SITE_DIR, wasm), join(aside, wasm));
    assert.equal(await updateWorker(), 'redundant', 'a version with a file missing does not install');
    assert.ok(await appStarts(), 'the version in use still starts');

    // 3. The copy completes: the new version installs and starts, and the draft is kept.
    const draft = await page.evaluate(() => localStorage.getItem('yibiao.draft'));
    renameSync(join(aside, wasm), join(SITE_DIR, wasm));
    assert.equal(await updateWorker(), 'activated');
    assert.ok(await appStarts(), 'the new version starts');
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).join(' '));
    assert.match(loaded, /e2e_bg\.wasm/, 'from its own files');
    assert.equal(await page.evaluate(() => localStorage.getItem('yibiao.draft')), draft, 'the draft is untouched');

    // 4. Offline, an address under the app that is not one of its pages goes to the start page.
    await context.setOffline(true);
    try {
      await page.goto(new URL('no/such/path', BASE_URL).href);
      await page.getByRole('heading', { name: '您要办什么事？' }).waitFor();
      assert.equal(new URL(page.url()).pathname, new URL(BASE_URL).pathname);
    } finally {
      await context.setOffline(false);
    }
  } finally {
    // Back to the build the other tests use: the old files, pages and worker.
    for (const [from, to] of renamed) {
      if (existsSync(join(aside, from))) renameSync(join(aside, from), join(SITE_DIR, from));
      rmSync(join(SITE_DIR, to), { force: true });
      rmSync(join(aside, to), { force: true });
    }
    for (const [name, text] of Object.entries(original)) write(name, text);
  }
  assert.equal(await updateWorker(), 'activated', 'the original build installs again');
  assert.ok(await appStarts());
});

/** Puts `bytes` in place of the cached copy of `file` in every cache of the app; how many. */
function damageCached(file) {
  return page.evaluate(async (file) => {
    let damaged = 0;
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname.endsWith(`/${file}`)) {
          await cache.put(request, new Response('not a module', { headers: { 'content-type': 'application/wasm' } }));
          damaged += 1;
        }
      }
    }
    return damaged;
  }, file);
}

test('a start that fails recovers by itself: once from the server, else it says so and never loops', { timeout: 90_000 }, async () => {
  assert.ok(await appStarts());
  await page.evaluate(() => navigator.serviceWorker.ready);
  const draft = await page.evaluate(() => localStorage.getItem('yibiao.draft'));
  const wasm = readdirSync(SITE_DIR).find((name) => /^yibiao-[0-9a-f]+_bg\.wasm$/.test(name));
  let loads = 0;
  const counted = () => { loads += 1; };
  page.on('load', counted);
  // The failures this test causes are reported by the page as errors, as they should be.
  const problemsBefore = pageProblems.length;
  try {
    // 1. The cached module is damaged: the page drops the cache and starts from the server.
    assert.ok(await damageCached(wasm) > 0, 'the module was cached');
    loads = 0;
    assert.ok(await appStarts(), 'it starts again by itself');
    assert.equal(loads, 2, 'after one reload of its own');
    assert.equal(await page.evaluate(() => localStorage.getItem('yibiao.draft')), draft, 'the drafts are untouched');
    await page.evaluate(() => navigator.serviceWorker.ready);

    // 2. The server lacks the module too: after that one try the page says what to do.
    assert.ok(await damageCached(wasm) > 0, 'cached again by the worker it registered');
    renameSync(join(SITE_DIR, wasm), join(SITE_DIR, `${wasm}.away`));
    // Nor does the browser's own HTTP cache have it, as on a device that never loaded it.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    try {
      loads = 0;
      await page.reload();
      await page.getByRole('alert').filter({ hasText: '一表通未能打开' }).waitFor({ timeout: 15_000 });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.equal(loads, 2, 'one try from the server, then no more reloads');
      assert.equal(await page.evaluate(() => localStorage.getItem('yibiao.draft')), draft, 'the drafts are untouched');
      await expectAccessible('the app could not start');
      await screenshots('17-could-not-start');
    } finally {
      renameSync(join(SITE_DIR, `${wasm}.away`), join(SITE_DIR, wasm));
    }
    // 3. With the file back, its reload button starts the app.
    await page.getByRole('button', { name: '重新载入 Reload' }).click();
    await page.getByRole('heading', { name: '您要办什么事？' }).waitFor({ timeout: 10_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
  } finally {
    page.off('load', counted);
    const caused = pageProblems.splice(problemsBefore);
    console.log(`# the failed starts reported: ${caused.join(' | ')}`);
  }
});

test('deleting the draft asks first, and a deleted draft stays deleted', { timeout: TEST_TIMEOUT }, async () => {
  const panel = page.locator('.draft-panel');
  await panel.getByRole('button', { name: '删除这份草稿' }).click();
  const question = panel.locator('.draft-question');
  await question.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('draft-question')), true);
  await expectAccessible('home asking to delete the draft');
  await screenshots('8-home-delete-question');
  await panel.getByRole('button', { name: '不删除，保留草稿' }).click();
  await panel.getByRole('button', { name: '继续填写' }).waitFor();

  await panel.getByRole('button', { name: '删除这份草稿' }).click();
  await panel.getByRole('button', { name: '确定删除' }).click();
  await panel.waitFor({ state: 'detached' });
  await page.reload();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  assert.equal(await page.locator('.draft-panel').count(), 0);
  await expectKeptFiles(0);
  await bundleCard('企业开办').getByRole('button', { name: '开始办理' }).waitFor();
});

/** The two parts of the catalog loaded on this device, as IndexedDB holds them (null: none). */
function storedCatalogParts() {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('yibiao-catalog', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('catalog');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('catalog').objectStore('catalog');
      const compact = store.get('compact');
      const sources = store.get('sources');
      sources.onsuccess = () => { resolve([compact.result ?? null, sources.result ?? null]); open.result.close(); };
    };
  }));
}

test('an administrator loads a catalog: one with errors is refused, a clean one is used', { timeout: TEST_TIMEOUT }, async () => {
  // The worked example of the catalog authors' guide is a complete catalog.
  const guide = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../assets/catalog/README.md'), 'utf8');
  const example = guide.slice(guide.indexOf('```toml\n[catalog]') + 8, guide.indexOf('```', guide.indexOf('```toml\n[catalog]') + 8));
  const broken = example.replace('kind = "person_name"', 'kind = "moblie"');

  // The administrators' page has its own address: nothing in the applicants' pages leads there.
  assert.equal(await page.locator('a[href*="admin"]').count(), 0, 'no link to the catalog page');
  await page.goto(new URL('admin.html', BASE_URL).href);
  await heading().filter({ hasText: '加载事项目录' }).waitFor();
  await page.getByText('正在使用：内置目录').waitFor();
  const input = page.getByLabel('选择目录文件');
  await input.setInputFiles({ name: 'broken.toml', mimeType: 'text/plain', buffer: Buffer.from(broken) });
  await page.locator('.catalog-result').waitFor();
  assert.match(await page.locator('.catalog-result').innerText(), /目录有错误，未使用/);
  assert.match(await page.locator('.diagnostics').innerText(), /broken\.toml:\d+:8: 错误: “kind”不能是“moblie”/);
  assert.equal(await page.getByRole('button', { name: '使用这个目录' }).count(), 0, 'a catalog with errors cannot be used');
  await expectAccessible('a refused catalog');
  await screenshots('9-catalog-refused');

  // An empty file passes no check: the home page would offer nothing.
  await input.setInputFiles({ name: 'empty.toml', mimeType: 'text/plain', buffer: Buffer.from('') });
  await page.locator('.diagnostics').filter({ hasText: '目录中没有任何一件事' }).waitFor();
  assert.equal(await page.getByRole('button', { name: '使用这个目录' }).count(), 0);

  await input.setInputFiles({ name: 'shop.toml', mimeType: 'text/plain', buffer: Buffer.from(example) });
  await page.getByText('检查通过，可以使用。').waitFor();
  // Replacing is deliberate: what changes against the catalog in use, then a confirmation.
  const change = await page.locator('.catalog-replacement').innerText();
  assert.match(change, /与正在使用的目录（版本 2026\.12-1）相比，这个目录（版本 example-1）保留 0 个一件事/);
  assert.match(change, /新增一件事（1 个）：开店/);
  assert.match(change, /不再提供的一件事（14 个）：企业开办、[^\n]*，另有 6 个/);
  await page.getByRole('button', { name: '使用这个目录' }).click();
  await page.getByRole('button', { name: '取消' }).click();
  assert.equal(await page.getByRole('button', { name: '确定替换' }).count(), 0, 'cancelling replaces nothing');
  // A device too full for the catalog's second part: nothing is kept, and the page says so.
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (key === 'sources') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return window.realPut.call(this, value, key);
    };
  });
  try {
    await page.getByRole('button', { name: '使用这个目录' }).click();
    await page.getByRole('button', { name: '确定替换' }).click();
    await page.getByRole('alert').filter({ hasText: '本机存储空间不够，放不下这个目录。正在使用的目录没有改变。' }).waitFor();
    assert.deepEqual(await storedCatalogParts(), [null, null], 'the part queued first is not kept either');
    await page.getByText('正在使用：内置目录').waitFor();
  } finally {
    await page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
  }
  await expectAccessible('the confirmation of a catalog replacement');
  await screenshots('9-catalog-confirm');
  await page.getByRole('button', { name: '确定替换' }).click();
  await page.getByText('正在使用：本机加载的目录').waitFor();
  // Kept in IndexedDB, never in the drafts' localStorage.
  const [compactPart, sourcesPart] = await storedCatalogParts();
  assert.ok(compactPart && sourcesPart.includes('开店'), 'both parts stored');
  assert.deepEqual(
    await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('yibiao.catalog'))),
    ['yibiao.catalog.indexeddb'],
    'localStorage holds only the mark that says where it is',
  );
  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByRole('heading', { name: '开店' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: '企业开办' }).count(), 0);

  await page.goto(new URL('admin.html', BASE_URL).href);
  await page.getByRole('button', { name: '恢复内置目录' }).click();
  await page.getByText('正在使用：内置目录').waitFor();
  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByRole('heading', { name: '企业开办' }).waitFor();
});

test('situation questions change the plan, and another bundle starts a draft beside this one', { timeout: TEST_TIMEOUT }, async () => {
  await startBundle('新生儿出生');
  await heading().filter({ hasText: '孩子是在本市的医院出生的吗？' }).waitFor();
  await question('孩子是在本市的医院出生的吗？').getByLabel('是', { exact: true }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await question('孩子随父亲还是母亲在本市落户？').getByLabel('随母亲落户').check();
  await page.getByRole('button', { name: '继续' }).click();
  await question('是否委托他人代办？').getByLabel('是', { exact: true }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
  const agentPapers = page.locator('.material').filter({ hasText: '授权委托书' });
  assert.match(await agentPapers.innerText(), /因为您对“是否委托他人代办？”的回答是“是”/);
  await page.getByRole('button', { name: '开始填写' }).click();
  await page.getByRole('link', { name: '代办人' }).click();
  assert.equal(await page.getByLabel('代办人手机').count(), 1, 'household registration asks for the agent\'s mobile');
  assert.equal(await page.getByLabel('代办人手机').getAttribute('autocomplete'), 'off', 'not the device owner\'s number');
  await expectAccessible('the agent section');
  await screenshots('11-newborn-agent');

  await page.getByRole('link', { name: '一表通' }).click();
  await page.locator('.draft-panel').getByText('新生儿出生').waitFor();
  await startBundle('企业开办');
  await question('经营场所是租用的还是自有的？').getByLabel('自有', { exact: true }).check();
  await page.getByRole('link', { name: '一表通' }).click();
  const drafts = page.locator('.draft-panel');
  await drafts.nth(1).waitFor();
  assert.deepEqual(await drafts.locator('h3').allInnerTexts(), ['企业开办', '新生儿出生'], 'the latest change first');
  assert.match(await drafts.first().locator('.draft-facts').innerText(), /最后修改：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expectAccessible('home with two drafts');
  await screenshots('12-home-two-drafts');
  // Whether the browser keeps the drafts for good is said (headless Chromium does not grant
  // it), with the file backup, which saves an unfinished draft's packet too.
  assert.match(await page.locator('.durability').innerText(), /可能删除这些草稿.*保存为文件/);
  const [backup] = await Promise.all([
    page.waitForEvent('download'),
    drafts.nth(1).getByRole('button', { name: '保存为文件' }).click(),
  ]);
  const saved = join(ARTIFACTS, backup.suggestedFilename());
  await backup.saveAs(saved);
  const judged = judgePacket(saved);
  assert.equal(judged.application.bundle.name.zh, '新生儿出生');
  assert.equal(judged.application.verdict.outcome, 'not_ready', 'an unfinished draft says so');
  await drafts.nth(1).getByRole('button', { name: '继续填写' }).click();
  await heading().filter({ hasText: '代办人' }).waitFor();
});

/** Presses Tab until the focused element passes `test` (run in the page with `arg`), or fails. */
async function tabTo(description, test, arg) {
  for (let presses = 0; presses < 150; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test, arg)) return;
  }
  assert.fail(`Tab never reached ${description}`);
}

test('退休 can be done by keyboard alone, from home to a ready verdict', { timeout: 120_000 }, async () => {
  // The app opens where it was left; the name in the masthead leads home.
  await page.goto(BASE_URL);
  await page.locator('h1').waitFor();
  await tabTo('the link home', () => document.activeElement?.classList.contains('brand'));
  await page.keyboard.press('Enter');
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  await tabTo('the start button of 退休', () => document.activeElement?.getAttribute('aria-describedby') === 'bundle-retirement');
  await page.keyboard.press('Enter');
  // Three questions: the first answer of each, chosen with Space, then Enter on continue.
  for (let question = 0; question < 3; question += 1) {
    await page.locator('.question-form').waitFor();
    const title = await heading().innerText();
    // Each page opens with focus on its heading; the first Tab reaches the skip link (issue 14).
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', title);
    await tabTo('a radio button', () => document.activeElement?.type === 'radio');
    await page.keyboard.press('Space');
    await tabTo('continue', () => document.activeElement?.type === 'submit');
    await page.keyboard.press('Enter');
    await page.waitForFunction((before) => document.querySelector('h1')?.textContent !== before, title);
  }
  await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
  await tabTo('start filling in', () => document.activeElement?.textContent === '开始填写');
  await page.keyboard.press('Enter');
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  await tabTo('the first section', () => document.activeElement?.classList.contains('task-link'));
  await page.keyboard.press('Enter');
  const values = { person_name: '王芳', id_number: '11010519491231002X', mobile: '13800138000', address: '某某市某某路 2 号',
    text: '某某机械厂', bank_card: '6222021234567890128' };
  // The agent is someone else than the retiree (a check across answers).
  const byId = { 'field-agent-id_number': '110101198005010130' };
  while (await page.locator('.combined-form').count() > 0) {
    const title = await heading().innerText();
    for (const field of await page.locator('form .input').all()) {
      const id = await field.getAttribute('id');
      await tabTo(id, (target) => document.activeElement?.id === target, id);
      if (await field.inputValue() === '') {
        await page.keyboard.type(byId[id] ?? values[await field.getAttribute('data-kind')]);
      }
    }
    await tabTo('continue', () => document.activeElement?.type === 'submit');
    await page.keyboard.press('Enter');
    await page.waitForFunction((before) => document.querySelector('h1')?.textContent !== before, title);
    assert.equal(await page.locator('.error-summary').count(), 0, `${title} had no error`);
  }
  // After the last section, straight on to the materials.
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  // In each group, to "bring it to the window": Tab reaches the group's first way (attach a
  // file, where the material may be a file), and an arrow key moves to the next and picks it.
  for (const group of await page.getByRole('group').all()) {
    const first = await group.locator('input[type=radio]').first().getAttribute('id');
    const window = await group.getByLabel('办理时带到窗口').getAttribute('id');
    await tabTo(first, (target) => document.activeElement?.id === target, first);
    await page.keyboard.press(first === window ? 'Space' : 'ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.id), window);
    assert.equal(await group.getByLabel('办理时带到窗口').isChecked(), true);
  }
  await tabTo('continue', () => document.activeElement?.type === 'submit');
  await page.keyboard.press('Enter');
  await heading().filter({ hasText: '检查填写内容' }).waitFor();
  assert.match(await page.locator('.verdict').innerText(), /预审结果：可以提交\n/);
  await screenshots('13-keyboard-ready');
});

// A valid answer for each kind of field, for walking through every bundle; fields with their
// own pattern or an order to keep get their own.
const BY_KIND = {
  text: '示例', long_text: '示例内容', integer: '3', decimal: '120', money: '100000', date: '2026-01-05',
  id_number: '11010519491231002X', credit_code: '91350100M000100Y43', mobile: '13800138000',
  landline: '0571-87654321', postcode: '310000', email: 'user@example.com', bank_card: '6222021234567890128',
  person_name: '张三', address: '某某市某某区某某路 1 号',
};
/** A date `days` from today, as a date input takes it. */
function isoDaysFromToday(days) {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
// Answers that agree with each other (issue 14's checks across answers): the people are
// different people of the right sex and age, the amounts add up, the dates fit the situation.
const BY_FIELD = {
  'agent.id_number': '110101198005010130', // a man born 1980, nobody else in any bundle
  'father.id_number': '110101196802020172', // a man, beside the mother (a woman, BY_KIND's)
  'seller.id_number': '110101196802020172',
  'family.id_number': '11010119750707026X',
  'premises.area': '320', // "larger than 300 m²?" is answered yes (its first option)
  'enterprise.capital_cash': '100000', // with none in kind: the registered capital, BY_KIND's money
  'enterprise.capital_in_kind': '0',
  'premises.lease_end': '2036-12-31',
  'food.opening_date': isoDaysFromToday(30),
  'child.birth_date': isoDaysFromToday(-30),
  'change.resolution_date': isoDaysFromToday(-5),
  'sole_trader.food_permit_number': 'JY13301020012345',
  'transport.plate_number': '浙A12345',
  'property.water_account': '12345678',
  'property.power_account': '23456789',
  'property.gas_account': '34567890',
  'utility.dig_start': '2027-03-01',
  'employee.contract_end': '2028-12-31',
  'retiree.birth_date': '1949-12-31', // as in the sample ID number
};

// 容缺 by the catalog's mode: accepted now (受理) or handled now (办理).
const WAIVE = /^容缺(受理：先受理|办理：先办理)，以后补交$/;

/** On the check page of a ready draft of `bundle`: exports its packet and has the standard
 * tools judge it; renders its cover and first form; opens it again as the window's intake
 * record and as a draft (which keeps every answer); and sees a tampered copy refused with the
 * exact reason. */
async function packetRoundTrip(bundle, waived, verdictText) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出申请包' }).click(),
  ]);
  assert.match(download.suggestedFilename(), new RegExp(`^一表通-${bundle}-.+-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  mkdirSync(join(ARTIFACTS, 'packets'), { recursive: true });
  const zip = join(ARTIFACTS, 'packets', download.suggestedFilename());
  await download.saveAs(zip);
  await page.locator('.packet-status').filter({ hasText: '已保存' }).waitFor();
  const judged = judgePacket(zip);
  assert.equal(judged.application.bundle.name.zh, bundle);
  assert.ok(judged.listed.includes('data/cover.html') && judged.listed.includes('data/handover.html') && judged.listed.some((path) => path.startsWith('data/forms/')));
  assert.equal(judged.events > 0, waived, `${bundle}: a calendar exactly when something follows later`);
  if (bundle === '企业开办') {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.locator('section.packet').screenshot({ path: join(ARTIFACTS, `8-packet-${size}.png`) });
    }
    await page.setViewportSize(VIEWPORTS.desktop);
  }
  const status = await page.locator('.packet-status').first().innerText();
  assert.ok(status.includes(judged.fingerprint.slice(0, 8)), status);

  // Printed: the whole packet (the cover, every form, every letter, each on pages of its
  // own), and one department's form alone, drawn to PDF by Chromium as the app hands them over.
  // What the app hands its print frame is noted (once per page: the page stays loaded).
  await page.evaluate(() => {
    if (!window.printed) {
      const setter = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'srcdoc').set;
      Object.defineProperty(HTMLIFrameElement.prototype, 'srcdoc', {
        configurable: true,
        set(html) { window.printed.push(html); setter.call(this, html); },
      });
    }
    window.printed = [];
  });
  const printed = async (button, n) => {
    await button.click();
    await page.waitForFunction((count) => window.printed.length === count, n);
    const html = (await page.evaluate(() => window.printed))[n - 1];
    // In a page of its own (the packet's pages carry a policy that refuses style sheets), with
    // the style sheet the app serves.
    const style = await (await fetch(`${BASE_URL}packet.css`)).text();
    const sheet = await rendererBrowser.newPage();
    await sheet.setContent(html.replace('<link rel="stylesheet" href="packet.css">', `<style>${style}</style>`), { waitUntil: 'load' });
    const pdf = await sheet.pdf({ format: 'A4' });
    await sheet.close();
    return { html, pages: pdfPages(pdf), pdf };
  };
  const documents = judged.listed.filter((path) => path.endsWith('.html')).length;
  const whole = await printed(page.getByRole('button', { name: '打印申请包' }), 1);
  writeFileSync(join(ARTIFACTS, 'packets', `${bundle}-print.html`), whole.html);
  assert.equal(whole.html.match(/<article class="sheet"/g).length, documents, `${bundle}: every page of the packet prints`);
  assert.ok(whole.pages >= documents, `${bundle}: ${whole.pages} pages for ${documents} documents`);
  assert.ok(whole.html.includes(judged.fingerprint), 'the printout shows the fingerprint');
  // Exported again, unchanged: the same bytes.
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出申请包' }).click(),
  ]);
  assert.ok(readFileSync(await again.path()).equals(readFileSync(zip)), `${bundle}: byte-identical when exported twice`);
  const firstForm = judged.application.items[0];
  const one = await printed(page.getByRole('button', { name: `打印“${firstForm.name.zh}”` }), 2);
  assert.equal(one.html.match(/<article class="sheet"/g).length, 1);
  assert.ok(one.html.includes(`<title>${firstForm.name.zh}</title>`) && one.pages >= 1, `${bundle}: one form alone`);
  // The hand-over sheet alone (交接单, issue 15): what to bring and what was promised, printed.
  const handover = await printed(page.getByRole('button', { name: '打印交接单（给申请人留存）' }), 3);
  writeFileSync(join(ARTIFACTS, 'packets', `${bundle}-handover.pdf`), handover.pdf);
  assert.equal(handover.html.match(/<article class="sheet"/g).length, 1);
  assert.ok(handover.html.includes(`<title>交接单：${bundle}</title>`), `${bundle}: the hand-over sheet`);
  assert.equal(handover.pages, 1, `${bundle}: the hand-over sheet is one page`);
  for (const material of judged.application.materials) {
    assert.ok(handover.html.includes(material.name.zh.replaceAll('&', '&amp;')), `${bundle}: the sheet names ${material.name.zh}`);
  }
  if (waived) assert.match(handover.html, /之前补交“/, `${bundle}: the waiver's date is on the sheet`);

  // The cover and the first department's form, drawn as they print.
  const form = judged.listed.find((path) => path.startsWith('data/forms/') && path.endsWith('.html')).slice('data/'.length);
  for (const [shot, path] of [['cover', 'cover.html'], ['form', form]]) {
    await renderer.setContent(judged.read(path), { waitUntil: 'load' });
    await renderer.screenshot({ path: join(ARTIFACTS, 'packets', `${bundle}-${shot}.png`), fullPage: true });
  }
  // A phone's reader reads the cover's QR code, as drawn: the summary and the fingerprint.
  const read = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', join(ARTIFACTS, 'packets', `${bundle}-cover.png`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  assert.ok(read.includes(`事项：${bundle}`) && read.trim().endsWith(judged.fingerprint), read);

  // At the window: the intake record shows the fingerprint the cover shows.
  const home = async () => {
    await page.getByRole('link', { name: '一表通' }).click();
    await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  };
  const open = async (file) => {
    await page.locator('#open-packet-file').setInputFiles(file);
  };
  await home();
  await open(zip);
  await page.locator('.opened-packet').filter({ hasText: '校验通过' }).waitFor();
  await page.getByRole('button', { name: '窗口受理核对' }).click();
  await heading().filter({ hasText: '窗口受理核对' }).waitFor();
  const grouped = judged.fingerprint.match(/.{4}/g).join(' ');
  assert.equal(await page.locator('.fingerprint').innerText(), grouped);
  assert.ok(judged.read('cover.html').includes(grouped), 'the cover shows the same fingerprint');
  assert.match(await page.locator('.verdict').innerText(), waived ? /可以提交（附承诺）/ : /预审结果：可以提交\n/);
  assert.equal(await page.locator('.intake-tick').count(), judged.application.materials.length);
  if (bundle === '企业开办') {
    await screenshots('9-intake');
    await expectAccessible('the window\'s intake record');
  }
  await page.getByRole('button', { name: '关闭，返回首页' }).click();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();

  // A tampered copy: a flipped byte, and an edited file in a rewritten archive.
  const application = `${judged.top}/data/application.json`;
  const { flipped, edited } = tampered(zip, application, join(ARTIFACTS, 'packets', bundle));
  await open({ name: 'flipped.zip', mimeType: 'application/zip', buffer: flipped });
  await page.locator('.open-packet .error-message').filter({ hasText: `申请包中的“${application}”已损坏（校验值不符），请重新复制一份` }).waitFor();
  await open(edited);
  await page.locator('.open-packet .error-message').filter({ hasText: '申请包中的“data/application.json”与导出时不同（校验值不符），已被改动或损坏' }).waitFor();

  // Continued as a draft: every answer and every choice back, and the same verdict.
  await open(zip);
  await page.locator('.opened-packet').filter({ hasText: '校验通过' }).waitFor();
  await page.getByRole('button', { name: '作为草稿继续办理' }).click();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  assert.ok(await page.locator('.task .tag').filter({ hasText: '已完成' }).count()
    >= await page.locator('.task .tag').count() - 1, `${bundle}: every section still complete`);
  await page.locator('.task-link').last().click();
  await heading().filter({ hasText: '检查填写内容' }).waitFor();
  assert.equal(await page.locator(".verdict").innerText(), verdictText, `${bundle}: the same verdict`);
}

/** Deletes every draft on the home page. */
async function deleteDrafts() {
  const panels = page.locator('.draft-panel');
  for (let left = await panels.count(); left > 0; left -= 1) {
    await panels.first().getByRole('button', { name: '删除这份草稿' }).click();
    await panels.first().getByRole('button', { name: '确定删除' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.draft-panel').length === n, left - 1);
  }
}

/** Provides the material of `group` (a fieldset of the materials page): brought to the window,
 * or, where only a file is taken (the digital photos), a photo attached and seen in its list. */
async function bringOrAttach(group) {
  if (await group.getByLabel('办理时带到窗口').count() > 0) {
    await group.getByLabel('办理时带到窗口').check();
    return;
  }
  await group.getByLabel('附上电子文件').check();
  await group.locator('.drop-zone input[type=file]:not(.camera-input)').setInputFiles({ name: '照片.jpg', mimeType: 'image/jpeg', buffer: await makeImage('image/jpeg', 358, 441) });
  await group.locator('.file-row').filter({ hasText: '照片.jpg' }).waitFor();
}


test('every shipped bundle can be walked through to a ready verdict', { timeout: 300_000 }, async () => {
  await page.getByRole('link', { name: '一表通' }).click();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  await deleteDrafts();
  const names = await page.locator('.bundle-card h3').allInnerTexts();
  assert.equal(names.length, 14);
  for (const name of names) {
    await startBundle(name);
    // The situation questions, one per page, until the notice.
    while (await page.locator('.question-form').count() > 0) {
      await chooseFirstOptions(page);
      const before = page.url();
      await page.getByRole('button', { name: '继续' }).click();
      await page.waitForFunction((url) => location.href !== url, before);
    }
    await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
    await page.getByRole('button', { name: '开始填写' }).click();
    await heading().filter({ hasText: '填写申请表' }).waitFor();
    // Each section from the task list on, until the list is back.
    await page.locator('.task-link').first().click();
    while (await page.locator('.combined-form').count() > 0) {
      await chooseFirstOptions(page);
      for (const field of await page.locator('form .input, form .textarea').all()) {
        const id = await field.getAttribute('name');
        const value = BY_FIELD[id] ?? BY_KIND[await field.getAttribute('data-kind')];
        assert.ok(value, `${name}: no sample value for ${id}`);
        await field.fill(value);
      }
      const before = page.url();
      await page.getByRole('button', { name: '继续' }).click();
      await Promise.race([
        page.waitForFunction((url) => location.href !== url, before),
        page.locator('.error-summary').waitFor(),
      ]);
      if (await page.locator('.error-summary').count() > 0) {
        assert.fail(`${name}: ${await page.locator('.error-summary').innerText()}`);
      }
    }
    await heading().filter({ hasText: '材料怎么提供' }).waitFor();
    await page.getByRole('link', { name: '填写申请表' }).click();
    await heading().filter({ hasText: '填写申请表' }).waitFor();
    assert.equal(await page.locator('.task .tag').filter({ hasText: '已完成' }).count(),
      await page.locator('.task .tag').count() - 1, `${name}: every section complete`);
    // Every material brought to the window, or attached where only a file is taken (the
    // digital photos); the first that may follow later does (容缺), so the packet has a letter
    // and a calendar: ready, with or without a commitment.
    await page.getByRole('link', { name: '选择材料的提供方式' }).click();
    await heading().filter({ hasText: '材料怎么提供' }).waitFor();
    let waived = false;
    for (const group of await page.getByRole('group').all()) {
      if (!waived && await group.getByLabel(WAIVE).count() > 0) {
        await group.getByLabel(WAIVE).check();
        waived = true;
      } else {
        await bringOrAttach(group);
      }
    }
    await page.getByRole('button', { name: '继续' }).click();
    await heading().filter({ hasText: '检查填写内容' }).waitFor();
    const verdict = await page.locator('.verdict').innerText();
    assert.match(verdict, waived ? /预审结果：可以提交（附承诺）\n/ : /预审结果：可以提交\n/, `${name} is ready`);
    await packetRoundTrip(name, waived, verdict);
    await page.getByRole('link', { name: '一表通' }).click();
    await heading().filter({ hasText: '您要办什么事？' }).waitFor();
    // Finished, and said so on the home page (it was listed under 未完成的申请).
    for (const tag of await page.locator('.draft-panel .tag').allInnerTexts()) {
      assert.equal(tag, '已填好，可以提交', `${name} is finished`);
    }
    await deleteDrafts();
  }
  await expectAccessible('home after walking every bundle');
});

test('a clerk\'s pre-check: answers that contradict each other are caught, named and linked (issue 14)', { timeout: 120_000 }, async () => {
  await page.getByRole('link', { name: '一表通' }).click();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  // Everyday words find the bundle.
  const search = page.getByLabel('查找要办的事');
  for (const [query, expected] of [['餐厅', ['开办餐饮店']], ['我想开饭店', ['开办餐饮店']], ['上户口', ['新生儿出生']], ['退休金', ['退休']]]) {
    await search.fill(query);
    await page.waitForFunction((n) => document.querySelectorAll('.bundle-card').length === n, expected.length);
    assert.deepEqual(await page.locator('.bundle-card h3').allInnerTexts(), expected, query);
  }
  await search.fill('');
  await page.waitForFunction(() => document.querySelectorAll('.bundle-card').length === 14);
  await startBundle('开办餐饮店');
  for (const [name, answer] of [['经营场所是租用的还是自有的？', '自有'], ['经营场所建筑面积是否超过 300 平方米？', '是'], ['是否委托他人代办？', '否']]) {
    await heading().filter({ hasText: name }).waitFor();
    await question(name).getByLabel(answer, { exact: true }).check();
    await page.getByRole('button', { name: '继续' }).click();
  }
  await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
  // Three items of two departments: the counts are said apart.
  await page.getByRole('button', { name: '开始填写' }).click();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  assert.match(await page.locator('.lead').innerText(), /这一张表代替 3 个部门的 4 张表格/);

  // An ID number in full-width digits is shown as it will be exported once left.
  await page.getByRole('link', { name: '申请人' }).click();
  await heading().filter({ hasText: '申请人' }).waitFor();
  await input('applicant.id_number').fill('１１０１０５１９４９１２３１００２ｘ');
  await input('applicant.id_number').blur();
  await page.waitForFunction(() => document.querySelector('#field-applicant-id_number').value === '11010519491231002X');

  // 200 m² after "larger than 300 m²? yes": beside the field once it is left, naming both answers.
  await page.getByRole('link', { name: '填写申请表' }).click();
  await page.getByRole('link', { name: '经营场所' }).click();
  await heading().filter({ hasText: '经营场所' }).waitFor();
  const sectionAddress = page.url();
  await input('premises.area').fill('200');
  await input('premises.area').blur();
  const error = page.locator('#field-premises-area-error');
  await error.waitFor();
  assert.match(await error.innerText(), /（您的回答：“建筑面积（平方米）”为“200”，“经营场所建筑面积是否超过 300 平方米？”为“是”）/);
  await screenshots('14-contradiction');

  // An address naming a page of the draft wins over the page it was left on.
  await page.getByRole('link', { name: '填写申请表' }).click();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  await page.goto(sectionAddress);
  await page.reload();
  await heading().filter({ hasText: '经营场所' }).waitFor();
  assert.equal(page.url(), sectionAddress);

  // On the check page, the verdict names it and links to the answer to change.
  await page.getByRole('link', { name: '填写申请表' }).click();
  await page.getByRole('link', { name: '检查填写内容' }).click();
  await heading().filter({ hasText: '检查填写内容' }).waitFor();
  const reason = page.locator('.verdict').getByRole('link', { name: /填写的建筑面积与“是否超过 300 平方米”的回答不一致/ });
  assert.match(await reason.innerText(), /“建筑面积（平方米）”为“200”/);
  await reason.click();
  await heading().filter({ hasText: '经营场所' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'field-premises-area');
  await input('premises.area').fill('320');
  await input('premises.area').blur();
  await page.locator('#field-premises-area-error').waitFor({ state: 'detached' });

  // On a phone, dates, sizes and codes never break inside.
  await page.setViewportSize(VIEWPORTS.phone);
  await page.getByRole('link', { name: '填写申请表' }).click();
  await page.getByRole('link', { name: '选择材料的提供方式' }).click();
  await heading().filter({ hasText: '材料怎么提供' }).waitFor();
  const broken = await page.evaluate(() => [...document.querySelectorAll('.nowrap')]
    .filter((span) => span.getClientRects().length > 1).map((span) => span.textContent));
  assert.ok(await page.locator('.nowrap').count() > 3, 'the sizes and due dates are kept whole');
  assert.deepEqual(broken, []);
  await page.setViewportSize(VIEWPORTS.desktop);

  // A finished application is not listed as unfinished.
  await page.getByRole('link', { name: '一表通' }).click();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  assert.equal(await page.locator('.draft-panel .tag').innerText(), '还没有填完');
  await deleteDrafts();
});

test('on a touch screen the drag-and-drop hint is not shown, what happens to files still is', { timeout: TEST_TIMEOUT }, async () => {
  const touch = await rendererBrowser.newContext({ hasTouch: true, isMobile: true, viewport: VIEWPORTS.phone, locale: 'zh-CN' });
  const phone = await touch.newPage();
  try {
    await phone.goto(BASE_URL);
    await phone.locator('.bundle-card').filter({ hasText: '退休' }).getByRole('button', { name: '开始办理' }).click();
    for (let step = 0; step < 3; step += 1) {
      await phone.locator('.question-form').waitFor();
      const title = await phone.locator('h1').innerText();
      await phone.locator('main input[type=radio]').first().check();
      await phone.getByRole('button', { name: '继续' }).click();
      await phone.waitForFunction((before) => document.querySelector('h1')?.textContent !== before, title);
    }
    await phone.getByRole('button', { name: '开始填写' }).click();
    await phone.getByRole('link', { name: '选择材料的提供方式' }).click();
    const group = phone.getByRole('group').first();
    await group.getByLabel('附上电子文件').check();
    await group.locator('.files-kept').waitFor();
    assert.equal(await group.locator('.drop-hint').isVisible(), false, 'no dragging on a touch screen');
    assert.match(await group.locator('.files-kept').innerText(), /只保存在这台设备上/);
  } finally {
    await touch.close();
  }
});

test('a full disk says so plainly and loses nothing already saved', { timeout: TEST_TIMEOUT }, async () => {
  await startBundle('退休');
  await page.locator('.question-form').waitFor();
  await page.getByRole('link', { name: '一表通' }).click();
  await page.locator('.draft-panel').first().getByRole('button', { name: '继续填写' }).click();
  await page.locator('.question-form').waitFor();
  const saved = await page.evaluate(() => localStorage.getItem('yibiao.draft'));
  // Fill the origin's storage until the browser refuses more.
  const filler = await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let n = 0;
    try {
      for (; n < 400; n += 1) localStorage.setItem(`filler-${n}`, chunk);
    } catch {
      // full
    }
    for (let size = 128 * 1024; size >= 16; size = Math.floor(size / 2)) {
      try { localStorage.setItem(`filler-${n}`, 'x'.repeat(size)); n += 1; } catch { /* smaller */ }
    }
    return n;
  });
  try {
    await page.locator('main input[type=radio]').first().check();
    await page.getByText('存储空间已满').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('yibiao.draft')), saved, 'the last saved draft is kept');
    assert.equal(await page.locator('main input[type=radio]').first().isChecked(), true, 'what is on screen stays');
    await expectAccessible('a full disk');
    await screenshots('14-disk-full');
  } finally {
    await page.evaluate((n) => { for (let i = 0; i <= n; i += 1) localStorage.removeItem(`filler-${i}`); }, filler);
  }
  // With room again, the next change is saved and the notice goes.
  await page.locator('main input[type=radio]').nth(1).check();
  await page.getByText('存储空间已满').waitFor({ state: 'detached' });
  assert.notEqual(await page.evaluate(() => localStorage.getItem('yibiao.draft')), saved);
});

test('two tabs share the drafts: what one saves, the other shows, and neither undoes it', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('link', { name: '一表通' }).click();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  const other = await context.newPage();
  try {
    await other.goto(BASE_URL);
    await other.locator('h1').filter({ hasText: '您要办什么事？' }).waitFor();
    const before = await other.locator('.draft-panel').count();
    // A draft started here appears there at once.
    await startBundle('残疾人服务');
    await page.locator('.question-form').waitFor();
    await other.locator('.draft-panel').nth(before).waitFor();
    assert.equal(await other.locator('.draft-panel h3').filter({ hasText: '残疾人服务' }).count(), 1);
    // Deleted there, it leaves this tab for home, and stays deleted in both.
    const card = other.locator('.draft-panel').filter({ has: other.getByRole('heading', { name: '残疾人服务' }) });
    await card.getByRole('button', { name: '删除这份草稿' }).click();
    await card.getByRole('button', { name: '确定删除' }).click();
    await heading().filter({ hasText: '您要办什么事？' }).waitFor();
    assert.equal(await page.locator('.draft-panel h3').filter({ hasText: '残疾人服务' }).count(), 0);
    await page.reload();
    await heading().filter({ hasText: '您要办什么事？' }).waitFor();
    assert.equal(await page.locator('.draft-panel').count(), before);
  } finally {
    await other.close();
  }
});

/** Types `keys` into two tabs' fields alternately, `gap` ms apart: key i into tab i % 2. */
async function typeAlternately(tabs, fields, keys, gap) {
  for (const [tab, field] of tabs.map((tab, n) => [tab, fields[n]])) {
    await tab.locator(field).fill('');
  }
  const typed = ['', ''];
  for (let i = 0; i < keys[0].length + keys[1].length; i += 1) {
    const n = i % 2;
    const key = keys[n][typed[n].length];
    await tabs[n].locator(fields[n]).focus();
    await tabs[n].keyboard.type(key);
    typed[n] += key;
    await new Promise((resolve) => setTimeout(resolve, gap));
  }
  return typed;
}

/** The stored drafts document of the origin. */
const storedDrafts = (tab) => tab.evaluate(() => JSON.parse(localStorage.getItem('yibiao.draft')));

test('two tabs typing at once, in one draft or two, lose no character and show what is saved', { timeout: 90_000 }, async () => {
  // Two drafts of 企业开办 in the situation of the walk above, put in the storage as another
  // version of the app would have saved them.
  const version = (await storedDrafts(page)).state.drafts[0]?.catalog_version;
  assert.ok(version, 'a draft to take the catalog version from');
  const draftOf = (id, created) => ({
    id, bundle: 'enterprise_opening', catalog_version: version, created_ms: created, updated_ms: created,
    page: 'tasks', answers: { ...EXPORTED_SITUATION },
  });
  const first = draftOf('d-e2e-first', 1_764_000_000_000);
  const second = draftOf('d-e2e-second', 1_764_000_000_001);
  await page.evaluate((drafts) => {
    const stored = JSON.parse(localStorage.getItem('yibiao.draft'));
    stored.state.drafts.push(...drafts);
    localStorage.setItem('yibiao.draft', JSON.stringify(stored));
  }, [first, second]);
  await page.reload();
  await page.locator('main h1').waitFor();
  const other = await context.newPage();
  const tabs = [page, other];
  const name = '#field-applicant-name';
  const mobile = '#field-applicant-mobile';
  try {
    for (const [drafts, fields, what] of [
      [[first.id, first.id], [name, mobile], 'one draft, two fields'],
      [[first.id, second.id], [name, name], 'two drafts'],
    ]) {
      for (const [n, tab] of tabs.entries()) {
        await tab.goto(`${BASE_URL}#/d/${drafts[n]}/section/applicant`);
        await tab.locator(fields[n]).waitFor();
      }
      const typed = await typeAlternately(tabs, fields, ['abcdefghij', '1357913579'], 15);
      // Each tab's own field holds every key it was given; once both have heard of each other,
      // both screens and the storage agree.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const saved = (await storedDrafts(page)).state.drafts;
      for (const n of [0, 1]) {
        const draft = saved.find((candidate) => candidate.id === drafts[n]);
        const answer = draft.answers[fields[n] === name ? 'applicant.name' : 'applicant.mobile'];
        assert.equal(answer, typed[n], `${what}: storage holds every key typed in tab ${n + 1}`);
        assert.equal(await tabs[n].locator(fields[n]).inputValue(), typed[n], `${what}: tab ${n + 1} shows it`);
      }
      if (drafts[0] === drafts[1]) {
        assert.equal(await page.locator(mobile).inputValue(), typed[1], `${what}: the first tab shows the second's typing`);
        assert.equal(await other.locator(name).inputValue(), typed[0], `${what}: and the second the first's`);
      }
    }
  } finally {
    await other.close();
  }
  // The two drafts go again, as a person deletes them.
  await page.getByRole('link', { name: '一表通' }).click();
  for (const draft of [first, second]) {
    const panel = page.locator('li.draft-panel').filter({ has: page.locator(`#draft-${draft.id}`) });
    await panel.getByRole('button', { name: '删除这份草稿' }).click();
    await panel.getByRole('button', { name: '确定删除' }).click();
    await panel.waitFor({ state: 'detached' });
  }
});

test('a tab stops saving when another saves what it cannot read, and the copy can be saved and deleted at home', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('link', { name: '一表通' }).click();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  const good = await page.evaluate(() => localStorage.getItem('yibiao.draft'));
  const newer = JSON.stringify({ format: 'yibiao-draft', version: 9, state: { drafts: [] } });
  const other = await context.newPage();
  try {
    await other.goto(`${BASE_URL}#/`);
    await other.locator('h1').waitFor();
    // A newer version in another tab writes what this one cannot read.
    await other.evaluate((newer) => localStorage.setItem('yibiao.draft', newer), newer);
  } finally {
    await other.close();
  }
  await page.getByText('另一个窗口保存了本版本无法读取的草稿').waitFor();
  await expectAccessible('another tab saved a newer version');
  await screenshots('15-other-tab-newer');
  // Nothing this tab does is saved over it.
  await page.locator('.draft-panel').first().getByRole('button', { name: '继续填写' }).click();
  await page.locator('main h1').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('yibiao.draft')), newer, 'not overwritten');
  assert.equal(await page.evaluate(() => localStorage.getItem('yibiao.draft.unreadable')), newer, 'and set aside');

  // Reloaded (as the notice says), the app sets it aside and lists it at home.
  await page.evaluate((good) => localStorage.setItem('yibiao.draft', good), good);
  await page.reload();
  await page.getByRole('link', { name: '一表通' }).click();
  const shelf = page.getByRole('region', { name: '另存的草稿' });
  await shelf.waitFor();
  assert.match(await shelf.innerText(), /更新版本（格式 9）/);
  await expectAccessible('drafts kept aside');
  await screenshots('16-kept-aside');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    shelf.getByRole('button', { name: '保存为文件' }).click(),
  ]);
  assert.equal(readFileSync(await download.path(), 'utf8'), newer, 'the file is the copy exactly');
  await shelf.getByRole('button', { name: '删除这份另存的草稿' }).click();
  await shelf.getByRole('button', { name: '确定删除' }).click();
  await shelf.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => localStorage.getItem('yibiao.draft.unreadable')), null);
});

test('hostile catalog files: a binary file is refused with one message, and markup in texts stays text', { timeout: 90_000 }, async () => {
  const guide = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../assets/catalog/README.md'), 'utf8');
  const start = guide.indexOf('```toml\n[catalog]') + 8;
  const example = guide.slice(start, guide.indexOf('```', start));
  await page.goto(new URL('admin.html', BASE_URL).href);
  await heading().filter({ hasText: '加载事项目录' }).waitFor();
  const input = page.getByLabel('选择目录文件');

  // Bytes of every value, over and over: once 9,733 problems and a page frozen for 97 s.
  const binary = Buffer.alloc(200_000, 0).map((_, index) => (index * 7919) % 256);
  const started = Date.now();
  await input.setInputFiles({ name: 'picture.toml', mimeType: 'application/octet-stream', buffer: binary });
  await page.locator('.catalog-result').waitFor();
  assert.ok(Date.now() - started < 5_000, `refused in ${Date.now() - started} ms`);
  const diagnostics = await page.locator('.diagnostics').innerText();
  assert.match(diagnostics, /picture\.toml:1:1: 错误: 这不是文本文件/);
  assert.equal(diagnostics.match(/错误:/g).length, 1, 'one message for the file');
  assert.equal(await page.getByRole('button', { name: '使用这个目录' }).count(), 0);

  // Markup, handlers and script addresses in a bureau's texts are shown as text, never run.
  const hostile = example
    .replace('summary = { zh = "个体工商户登记，一次办好"', `summary = { zh = '<img src=x onerror="window.__pwned=1">个体工商户登记'`)
    .replace('label = { zh = "经营场所是租用的还是自有的？"', `label = { zh = '<script>window.__pwned=2</script>经营场所？'`)
    .replace('plain = { zh = "店面是租来的，还是自己家的？"', `plain = { zh = 'javascript:window.__pwned=3'`)
    .replace('name = { zh = "租赁合同"', `name = { zh = '<a href="javascript:window.__pwned=4">租赁合同</a>'`);
  assert.notEqual(hostile, example);
  await input.setInputFiles({ name: 'hostile.toml', mimeType: 'text/plain', buffer: Buffer.from(hostile) });
  await page.getByText('检查通过，可以使用。').waitFor();
  await page.getByRole('button', { name: '使用这个目录' }).click();
  await page.getByRole('button', { name: '确定替换' }).click();
  await page.getByText('正在使用：本机加载的目录').waitFor();
  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByText('<img src=x onerror="window.__pwned=1">个体工商户登记').waitFor();
  await startBundle('开店');
  await heading().filter({ hasText: '<script>window.__pwned=2</script>经营场所？' }).waitFor();
  await page.getByText('javascript:window.__pwned=3').waitFor();
  await page.getByLabel('租用').check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('否').check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByText('<a href="javascript:window.__pwned=4">租赁合同</a>').first().waitFor();
  const ran = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    injected: document.querySelectorAll('#app img[src="x"], #app script, #app a[href^="javascript:"]').length,
  }));
  assert.deepEqual(ran, { pwned: null, injected: 0 });
  // One department: the two situation questions outweigh what merging saves, and no saving is claimed.
  assert.equal(await page.locator('.inset').innerText(), '需要填写 6 项（含情形问题；各部门的表分别填写共 4 项）；准备 2 种材料。');
  await screenshots('9-catalog-hostile-text');

  // Home first, so that the draft of 开店 is not the page to return to under the built-in catalog.
  await page.evaluate(() => { location.hash = '#/'; });
  await bundleCard('开店').waitFor();
  await page.goto(new URL('admin.html', BASE_URL).href);
  await page.getByRole('button', { name: '恢复内置目录' }).click();
  await page.getByText('正在使用：内置目录').waitFor();
  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByRole('heading', { name: '企业开办' }).waitFor();
});

/** In the elder version: axe's enhanced contrast (7:1) finds nothing, and every button, choice
 * and field on screen is at least 60 × 60 CSS px. */
async function expectElderSized(name) {
  const results = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  const low = results.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`));
  assert.deepEqual(low, [], `text below 7:1 on ${name}`);
  const small = await page.evaluate(() => [...document.querySelectorAll('button, .radio, .radio-label, input.input, .task-link, .back-link')]
    .filter((element) => element.getClientRects().length > 0 && !element.closest('.visually-hidden'))
    // What a closed disclosure holds is not on screen (only its summary is).
    .filter((element) => !element.closest('details:not([open])') || element.closest('summary'))
    .map((element) => [element.className || element.tagName, element.getBoundingClientRect()])
    .filter(([, box]) => box.height < 59.5 || box.width < 59.5)
    .map(([what, box]) => `${what} ${Math.round(box.width)}×${Math.round(box.height)}`));
  assert.deepEqual(small, [], `targets under 60 px on ${name}`);
}

test('the elder version: a switch on the home page and the header, larger steps of text, 7:1 and 60 px (issue 15)', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('link', { name: '一表通' }).click();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.equal(await bodySize(), 18);
  await page.getByRole('button', { name: '切换到长辈版' }).click();
  await page.waitForFunction(() => document.documentElement.classList.contains('elder-1'));
  assert.equal(Math.round(await bodySize()), 24, 'main text at least 18 pt');
  await expectElderSized('home in the elder version');
  await expectAccessible('home in the elder version');
  await screenshots('18-elder-home');
  for (const size of [28, 32]) {
    await page.getByRole('button', { name: '字大一点' }).click();
    await page.waitForFunction((px) => Math.round(parseFloat(getComputedStyle(document.body).fontSize)) === px, size);
  }
  assert.equal(await page.getByRole('button', { name: '字大一点' }).isDisabled(), true, 'three steps');
  // Remembered on the device.
  await page.reload();
  await page.waitForFunction(() => document.documentElement.classList.contains('elder-3'));
  await page.getByRole('button', { name: '字小一点' }).click();
  await page.getByRole('button', { name: '字小一点' }).click();
  await page.waitForFunction(() => document.documentElement.classList.contains('elder-1'));
  // A question page: its choices are large targets too.
  await startBundle('退休');
  await page.locator('.question-form').waitFor();
  await expectElderSized('a question in the elder version');
  await screenshots('18-elder-question');
  await page.getByRole('button', { name: '标准版' }).click();
  await page.waitForFunction(() => !document.documentElement.classList.contains('elder'));
  assert.equal(await bodySize(), 18);
  await page.getByRole('link', { name: '一表通' }).click();
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  await deleteDrafts();
});

test('helping someone apply (帮办代办): an agent\'s application to a packet whose power of attorney, cover and hand-over sheet name the helper, with notes to read out (issue 15)', { timeout: 120_000 }, async () => {
  // In a browser profile of its own: the helper's state is the device's.
  const suitePage = page;
  const helping = await rendererBrowser.newContext({ locale: 'zh-CN', acceptDownloads: true, viewport: VIEWPORTS.desktop });
  page = await helping.newPage();
  page.on('pageerror', (error) => pageProblems.push(`page error (helper): ${error.message}`));
  try {
    await page.goto(BASE_URL);
    await heading().filter({ hasText: '您要办什么事？' }).waitFor();
    await page.locator('summary').filter({ hasText: '我在帮别人办理' }).click();
    await page.getByRole('button', { name: '开始帮办' }).click();
    await page.getByText('请填写您的姓名').waitFor();
    await page.getByLabel('您的姓名（协助人）').fill('李四');
    await page.getByLabel('社区工作者').check();
    await page.getByLabel(/我是申请人委托的代办人/).check();
    await page.getByLabel('您的身份证号码（代办人）').fill(BY_FIELD['agent.id_number']);
    await expectAccessible('the helper form');
    await page.getByRole('button', { name: '开始帮办' }).click();
    await page.locator('.helper-status').filter({ hasText: '协助人：李四（社区工作者，代办人）' }).waitFor();
    await screenshots('19-helper-home');
    await startBundle('企业开办');
    // The agent's question comes answered yes; a note to read out stands beside each question.
    let notes = 0;
    let agentAsked = false;
    while (await page.locator('.question-form').count() > 0) {
      if ((await heading().innerText()).trim() === '是否委托他人代办？') {
        agentAsked = true;
        assert.equal(await page.getByLabel('是', { exact: true }).isChecked(), true, 'answered yes already');
      }
      notes += await page.locator('.helper-note').filter({ hasText: '请读给申请人听：' }).count();
      await chooseFirstOptions(page);
      const before = page.url();
      await page.getByRole('button', { name: '继续' }).click();
      await page.waitForFunction((url) => location.href !== url, before);
    }
    assert.ok(notes > 0 && agentAsked, 'notes to read out, and the agent\'s question answered');
    await page.getByRole('button', { name: '开始填写' }).click();
    await page.locator('.task-link').first().click();
    // Each section once: the agent's comes with the helper's name and ID number in it.
    const seen = [];
    while (await page.locator('.combined-form').count() > 0) {
      const section = new URL(page.url()).hash;
      assert.ok(!seen.includes(section), `${section} again after ${seen.join(', ')}: ${JSON.stringify(await formValues())}`);
      seen.push(section);
      await chooseFirstOptions(page);
      for (const field of await page.locator('form .input, form .textarea').all()) {
        if (await field.inputValue()) continue; // the agent's name and ID number, the helper's
        const id = await field.getAttribute('name');
        await field.fill(BY_FIELD[id] ?? BY_KIND[await field.getAttribute('data-kind')]);
      }
      const before = page.url();
      await page.getByRole('button', { name: '继续' }).click();
      await Promise.race([page.waitForFunction((url) => location.href !== url, before), page.locator('.error-summary').waitFor()]);
      if (await page.locator('.error-summary').count() > 0) assert.fail(await page.locator('.error-summary').innerText());
    }
    assert.ok(seen.some((section) => section.endsWith('/section/agent')), `the agent's section: ${seen.join(', ')}`);
    await heading().filter({ hasText: '材料怎么提供' }).waitFor();
    assert.ok(await page.locator('.helper-note').filter({ hasText: '为什么需要这份材料：' }).count() > 0, 'why each material is needed');
    await screenshots('19-helper-materials');
    for (const group of await page.getByRole('group').all()) {
      await bringOrAttach(group);
    }
    await page.getByRole('button', { name: '继续' }).click();
    await heading().filter({ hasText: '检查填写内容' }).waitFor();
    assert.match(await page.locator('.verdict').innerText(), /预审结果：可以提交\n/);
    // The packet: the helper recorded, the agent's details theirs, the power of attorney naming them.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出申请包' }).click()]);
    mkdirSync(join(ARTIFACTS, 'packets'), { recursive: true });
    const zip = join(ARTIFACTS, 'packets', 'helped.zip');
    await download.saveAs(zip);
    const judged = judgePacket(zip);
    assert.deepEqual(judged.application.helper, { name: '李四', role: 'community', agent: true, id_number: BY_FIELD['agent.id_number'] });
    const answer = (field) => judged.application.answers.find((each) => each.field === field)?.value;
    assert.deepEqual([answer('application.by_agent'), answer('agent.name'), answer('agent.id_number'), answer('agent.mobile')],
      ['yes', '李四', BY_FIELD['agent.id_number'], BY_KIND.mobile], 'the agent\'s details, the helper\'s');
    for (const sheet of ['cover.html', 'handover.html']) {
      assert.match(judged.read(sheet), /协助人：李四（社区工作者，代办人）/, sheet);
    }
    const attorney = judged.listed.find((path) => path.includes('授权委托书'));
    assert.ok(attorney, `a power of attorney: ${judged.listed.join(', ')}`);
    const letter = judged.read(attorney.slice('data/'.length));
    assert.ok(letter.includes(`委托人${BY_KIND.person_name}（身份证号码 ${BY_KIND.id_number}）委托李四（身份证号码 ${BY_FIELD['agent.id_number']}）`),
      'the power of attorney names the applicant and the agent (the helper), each with their ID number');
    await renderer.setContent(letter, { waitUntil: 'load' });
    await renderer.screenshot({ path: join(ARTIFACTS, 'packets', 'helped-attorney.png'), fullPage: true });
    // The hand-over sheet, for the applicant to keep, printed to PDF with the app's style sheet.
    const style = await (await fetch(`${BASE_URL}packet.css`)).text();
    const sheet = await rendererBrowser.newPage();
    await sheet.setContent(judged.read('handover.html').replace('<link rel="stylesheet" href="packet.css">', `<style>${style}</style>`), { waitUntil: 'load' });
    const pdf = await sheet.pdf({ format: 'A4' });
    await sheet.screenshot({ path: join(ARTIFACTS, 'packets', 'helped-handover.png'), fullPage: true });
    await sheet.close();
    writeFileSync(join(ARTIFACTS, 'packets', 'helped-handover.pdf'), pdf);
    assert.equal(pdfPages(pdf), 1, 'the hand-over sheet is one page');
    await page.getByRole('link', { name: '一表通' }).click();
    await page.getByRole('button', { name: '结束帮办' }).click();
    await page.locator('summary').filter({ hasText: '我在帮别人办理' }).waitFor();
  } finally {
    await helping.close();
    page = suitePage;
  }
});

/** The values of the form's inputs, by name (for a failure's message). */
function formValues() {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('form .input, form .textarea')].map((field) => [field.name, field.value])));
}

test('no request left 127.0.0.1, and the page reported no error', { timeout: TEST_TIMEOUT }, () => {
  const base = new URL(BASE_URL);
  const foreign = requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'blob:' || parsed.protocol === 'data:') return false;
    return parsed.hostname !== '127.0.0.1' || parsed.port !== base.port;
  });
  assert.ok(requests.length > 0, 'requests were recorded');
  assert.deepEqual(foreign, []);
  assert.deepEqual(pageProblems, []);
});

test('a county hall\'s catalog (100 bundles, 1,500 items): the same app starts from its index, finds and walks a bundle, and loads nothing else (issue 16)', { timeout: TEST_TIMEOUT }, async () => {
  const GENERATED_URL = process.env.GENERATED_URL;
  assert.ok(GENERATED_URL, 'GENERATED_URL is set by `cargo xtask test`');
  const hall = await rendererBrowser.newContext({ viewport: VIEWPORTS.desktop, locale: 'zh-CN' });
  const other = await hall.newPage();
  const fetched = [];
  other.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  try {
    await other.goto(GENERATED_URL);
    await other.locator('.bundle-card').first().waitFor();
    assert.equal(await other.locator('.bundle-card').count(), 100);
    // Up to here only the index was fetched, no bundle's piece.
    assert.ok(fetched.some((path) => path.endsWith('/catalog-index.bin')), 'the index');
    assert.deepEqual(fetched.filter(isPiecePath), [], 'no piece before a bundle is opened');
    const search = other.getByLabel('查找要办的事');
    await search.fill('办事42号');
    await other.waitForFunction(() => document.querySelectorAll('.bundle-card').length === 1);
    assert.deepEqual(await other.locator('.bundle-card h3').allInnerTexts(), ['一件事42']);
    await other.locator('.bundle-card').getByRole('button', { name: '开始办理' }).click();
    for (let step = 0; step < 3; step += 1) {
      await other.locator('.question-form').waitFor();
      await other.locator('main input[type=radio]').first().check();
      const before = other.url();
      await other.getByRole('button', { name: '继续' }).click();
      await other.waitForFunction((url) => location.href !== url, before);
    }
    await other.locator('h1').filter({ hasText: '材料清单（一次性告知）' }).waitFor();
    assert.ok((await other.locator('main').innerText()).includes('事项'), 'the generated items are listed');
    const pieces = fetched.filter(isPiecePath);
    assert.ok(pieces.length >= 1, 'the opened bundle\'s piece was fetched');
  } finally {
    await hall.close();
  }
});
