// End-to-end tests of 一表通 in headless Chromium, against the release build served on
// 127.0.0.1 by `cargo xtask test` (BASE_URL). One browser profile walks through the app as a
// person would: pick the bundle, fill the form, see the checklist, download the answers, reload,
// go offline. Every page gets an axe scan (WCAG 2.x A and AA) and screenshots in ARTIFACTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

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
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 800 } };

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
const EXPORTED_ANSWERS = { ...VALID, 'enterprise.registered_capital': '50.00', 'enterprise.seal_kinds': 'company,finance' };

let profile;
let context;
let page;
const requests = [];
const pageProblems = [];

const input = (fieldId) => page.locator(`#field-${fieldId.replaceAll('.', '-')}`);
const heading = () => page.locator('h1');
const question = (name) => page.getByRole('group', { name });
/** Answers the situation questions of the walk through 企业开办. */
async function answerSituation() {
  for (const [name, answer] of SITUATION) {
    await question(name).getByLabel(answer, { exact: true }).check();
  }
}
/** The home page's card of one bundle (the home page lists many). */
const bundleCard = (name) => page.locator('.bundle-card').filter({ has: page.getByRole('heading', { name, exact: true }) });

/** Scans the page with axe for WCAG 2.x A and AA rules and fails on any violation. */
async function expectAccessible(name) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((violation) =>
    `${violation.id} (${violation.impact}): ${violation.help}\n` +
    violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary}`).join('\n'));
  assert.deepEqual(summary, [], `axe found WCAG violations on ${name}`);
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
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
  });
});

after(async () => {
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

test('the form asks each shared field once and checks the ID number as it is typed', { timeout: TEST_TIMEOUT }, async () => {
  await bundleCard('企业开办').getByRole('button', { name: '开始办理' }).click();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/form');
  await answerSituation();
  assert.equal(await page.locator('form .input, form .textarea').count(), Object.keys(VALID).length);
  assert.equal(await page.locator('form .textarea').count(), 1, 'the business scope is a text area');
  assert.equal(await question('刻制印章种类').getByRole('checkbox').count(), 4);
  assert.equal(await page.getByLabel('参保职工人数').count(), 0, 'no staff, so no staff count');
  await expectAccessible('form');

  await input('applicant.id_number').fill('110105194912310021');
  const message = page.locator('#field-applicant-id_number-error');
  await message.waitFor();
  assert.match(await message.innerText(), /最后一位应为“X”，而不是“1”/);
  assert.equal(await input('applicant.id_number').getAttribute('aria-invalid'), 'true');
  await expectAccessible('form with an inline error');
  await screenshots('2-form-inline-error');
});

test('continuing with errors shows a summary whose links move focus to each field', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('button', { name: '继续' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  // Every typed field (the ID number is wrong, the others empty) and the seals.
  assert.equal(await summary.locator('a').count(), Object.keys(VALID).length + 1);
  await expectAccessible('form with the error summary');
  await screenshots('3-form-error-summary');
  await summary.getByRole('link', { name: /请填写联系手机/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-applicant-mobile');
  await summary.getByRole('link', { name: /刻制印章种类/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-enterprise-seal_kinds');
});

test('a filled form is restored exactly after a reload', { timeout: TEST_TIMEOUT }, async () => {
  for (const [field, value] of Object.entries(VALID)) {
    await input(field).fill(value);
  }
  for (const seal of SEALS) {
    await question('刻制印章种类').getByLabel(seal, { exact: true }).check();
  }
  await page.reload();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  for (const [field, value] of Object.entries(VALID)) {
    assert.equal(await input(field).inputValue(), value, `${field} restored`);
  }
  for (const [name, answer] of SITUATION) {
    assert.equal(await question(name).getByLabel(answer, { exact: true }).isChecked(), true, `${name} restored`);
  }
  for (const seal of ['公章', '财务专用章', '发票专用章', '法定代表人名章']) {
    const checked = await question('刻制印章种类').getByLabel(seal, { exact: true }).isChecked();
    assert.equal(checked, SEALS.includes(seal), `${seal} restored`);
  }
  assert.equal(await page.locator('.error-message').count(), 0, 'no errors remain');
  await screenshots('4-form-filled');
});

test('the checklist lists every material once and the export holds the answers', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('button', { name: '继续' }).click();
  await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#/checklist');
  assert.equal(await page.locator('.material').count(), 4);
  assert.match(await page.locator('.material').first().innerText(), /原件 1 份，复印件 2 份/);
  assert.match(await page.locator('.inset').innerText(), /您填写了 15 项，而不是分别填写 24 项；准备 4 种材料，而不是 7 种/);
  await expectAccessible('checklist');
  await screenshots('5-checklist');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载填报数据' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^yibiao-enterprise_opening-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.format, 'yibiao-answers');
  assert.equal(exported.version, 1);
  assert.equal(exported.bundle.id, 'enterprise_opening');
  assert.deepEqual(Object.fromEntries(exported.situation.map((answer) => [answer.field, answer.value])), EXPORTED_SITUATION);
  assert.equal(exported.situation[0].answer.zh, '租用');
  assert.deepEqual(Object.fromEntries(exported.answers.map((answer) => [answer.field, answer.value])), EXPORTED_ANSWERS);
  assert.deepEqual(exported.items.map((item) => item.id),
    ['company_registration', 'seal_engraving_filing', 'new_taxpayer', 'bank_account_appointment']);
  assert.equal(exported.checklist.length, 4);
});

test('the back button returns to the form with everything kept', { timeout: TEST_TIMEOUT }, async () => {
  await page.goBack();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  assert.equal(await input('applicant.name').inputValue(), VALID['applicant.name']);
  await page.goForward();
  await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
});

test('every string follows the language switch', { timeout: TEST_TIMEOUT }, async () => {
  await page.getByRole('button', { name: 'Switch to English' }).click();
  try {
    await heading().filter({ hasText: 'What to bring (one-time notice)' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.locator('.inset').innerText(), /You filled in 15 answers instead of 24/);
    // Interface text only: decoration hidden from assistive technology and the noscript
      // fallback (never shown while scripts run) are not.
    const chinese = await page.evaluate(() => {
      const copy = document.body.cloneNode(true);
      copy.querySelectorAll('[aria-hidden="true"], noscript').forEach((node) => node.remove());
      return copy.textContent.match(/[\u4e00-\u9fff]+/g) ?? [];
    });
    // The link back to Chinese is the only Chinese the English interface may show.
    assert.deepEqual(chinese.filter((text) => text !== '中文'), [], 'no untranslated interface text');
    await expectAccessible('checklist in English');
    await screenshots('6-checklist-english');
  } finally {
    await page.getByRole('button', { name: '切换到中文' }).click();
  }
  await heading().filter({ hasText: '材料清单' }).waitFor();
});

test('after one load the app works offline, reloads included', { timeout: TEST_TIMEOUT }, async () => {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  try {
    await page.reload();
    await heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor();
    await page.getByRole('link', { name: '修改填写内容' }).click();
    await heading().filter({ hasText: '填写申请表' }).waitFor();
    assert.equal(await input('applicant.id_number').inputValue(), VALID['applicant.id_number']);
    await page.getByRole('link', { name: '返回首页' }).click();
    await heading().filter({ hasText: '您要办什么事？' }).waitFor();
    await page.getByRole('heading', { name: '未完成的申请' }).waitFor();
    await expectAccessible('home with a draft, offline');
    await screenshots('7-home-draft-offline');
  } finally {
    await context.setOffline(false);
  }
});

test('a new version replaces the cache and keeps the draft', { timeout: TEST_TIMEOUT }, async () => {
  const cachesBefore = await page.evaluate(() => caches.keys());
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
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`${cachesBefore[0]}-next`], 'the old cache is gone');
    assert.equal(await page.evaluate(() => localStorage.getItem('yibiao.draft')), draftBefore, 'the draft is untouched');
    await page.reload();
    await page.locator('.draft-panel').waitFor();
  } finally {
    writeFileSync(workerPath, worker);
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
  await bundleCard('企业开办').getByRole('button', { name: '开始办理' }).waitFor();
});

test('an administrator loads a catalog: one with errors is refused, a clean one is used', { timeout: TEST_TIMEOUT }, async () => {
  // The worked example of the catalog authors' guide is a complete catalog.
  const guide = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../assets/catalog/README.md'), 'utf8');
  const example = guide.slice(guide.indexOf('```toml\n[catalog]') + 8, guide.indexOf('```', guide.indexOf('```toml\n[catalog]') + 8));
  const broken = example.replace('kind = "person_name"', 'kind = "moblie"');

  await page.getByRole('link', { name: '加载事项目录（管理员）' }).click();
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

  await input.setInputFiles({ name: 'shop.toml', mimeType: 'text/plain', buffer: Buffer.from(example) });
  await page.getByText('检查通过，可以使用。').waitFor();
  await page.getByRole('button', { name: '使用这个目录' }).click();
  await page.getByText('正在使用：本机加载的目录').waitFor();
  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByRole('heading', { name: '开店' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: '企业开办' }).count(), 0);

  await page.getByRole('link', { name: '加载事项目录（管理员）' }).click();
  await page.getByRole('button', { name: '恢复内置目录' }).click();
  await page.getByText('正在使用：内置目录').waitFor();
  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByRole('heading', { name: '企业开办' }).waitFor();
});

test('situation questions change the form, and another bundle starts a draft beside this one', { timeout: TEST_TIMEOUT }, async () => {
  await bundleCard('新生儿出生').getByRole('button', { name: '开始办理' }).click();
  await heading().filter({ hasText: '填写申请表' }).waitFor();
  await page.getByRole('heading', { name: '您的情况' }).waitFor();

  await page.getByRole('button', { name: '继续' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  const first = summary.locator('a').first();
  assert.equal(await first.innerText(), '请选择孩子是在本市的医院出生的吗？');
  await first.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-child-born_in_local_hospital');

  await question('孩子是在本市的医院出生的吗？').getByLabel('是', { exact: true }).check();
  await question('孩子随父亲还是母亲在本市落户？').getByLabel('随母亲落户').check();
  assert.equal(await page.getByLabel('代办人姓名').count(), 0, 'no agent fields before the question says so');
  await question('是否委托他人代办？').getByLabel('是', { exact: true }).check();
  await page.getByLabel('代办人姓名').waitFor();
  assert.equal(await page.getByLabel('代办人手机').count(), 1, 'household registration asks for the agent\'s mobile');
  await expectAccessible('form with situation questions');
  await screenshots('10-newborn-questions');

  await question('孩子随父亲还是母亲在本市落户？').getByLabel('父母都不是本市户籍').check();
  await page.getByLabel('代办人手机').waitFor({ state: 'detached' });

  await page.getByRole('link', { name: '返回首页' }).click();
  await page.locator('.draft-panel').getByText('新生儿出生').waitFor();
  await bundleCard('企业开办').getByRole('button', { name: '开始办理' }).click();
  await input('applicant.name').fill('王五');
  await page.getByRole('link', { name: '返回首页' }).click();
  const drafts = page.locator('.draft-panel');
  await drafts.nth(1).waitFor();
  assert.deepEqual(await drafts.locator('h3').allInnerTexts(), ['企业开办', '新生儿出生'], 'the latest change first');
  assert.match(await drafts.first().locator('.draft-facts').innerText(), /申请人：王五 · 最后修改：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expectAccessible('home with two drafts');
  await screenshots('11-home-two-drafts');
  await drafts.nth(1).getByRole('button', { name: '继续填写' }).click();
  await page.getByRole('group', { name: '孩子随父亲还是母亲在本市落户？' }).getByLabel('父母都不是本市户籍').waitFor();
  assert.equal(await page.getByRole('group', { name: '孩子随父亲还是母亲在本市落户？' }).getByLabel('父母都不是本市户籍').isChecked(), true);
});

// A valid answer for each kind of field, for walking through every bundle; fields with their
// own pattern or an order to keep get their own.
const BY_KIND = {
  text: '示例', long_text: '示例内容', integer: '3', decimal: '120', money: '100000', date: '2026-01-05',
  id_number: '11010519491231002X', credit_code: '91350100M000100Y43', mobile: '13800138000',
  landline: '0571-87654321', postcode: '310000', email: 'user@example.com', bank_card: '6222021234567890128',
  person_name: '张三', address: '某某市某某区某某路 1 号',
};
const BY_FIELD = {
  'sole_trader.food_permit_number': 'JY13301020012345',
  'transport.plate_number': '浙A12345',
  'property.water_account': '12345678',
  'property.power_account': '23456789',
  'property.gas_account': '34567890',
  'utility.dig_start': '2027-03-01',
  'employee.contract_end': '2028-12-31',
  'retiree.birth_date': '1949-12-31', // as in the sample ID number
};

/** Deletes every draft on the home page. */
async function deleteDrafts() {
  const panels = page.locator('.draft-panel');
  for (let left = await panels.count(); left > 0; left -= 1) {
    await panels.first().getByRole('button', { name: '删除这份草稿' }).click();
    await panels.first().getByRole('button', { name: '确定删除' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.draft-panel').length === n, left - 1);
  }
}

test('every shipped bundle can be walked through to its checklist', { timeout: 240_000 }, async () => {
  await page.evaluate(() => { location.hash = '#/'; });
  await heading().filter({ hasText: '您要办什么事？' }).waitFor();
  await deleteDrafts();
  const names = await page.locator('.bundle-card h3').allInnerTexts();
  assert.equal(names.length, 14);
  for (const name of names) {
    await bundleCard(name).getByRole('button', { name: '开始办理' }).click();
    await heading().filter({ hasText: '填写申请表' }).waitFor();
    // Choose the first option of every unanswered choice, until none is left: an answer may
    // bring in another question.
    for (;;) {
      const group = await page.evaluate(() => {
        const names = new Set([...document.querySelectorAll('form input[type=radio], form input[type=checkbox]')]
          .map((input) => input.name));
        return [...names].find((name) => !document.querySelector(`form input[name="${name}"]:checked`)) ?? null;
      });
      if (group === null) break;
      await page.locator(`form input[name="${group}"]`).first().check();
    }
    for (const field of await page.locator('form .input, form .textarea').all()) {
      const id = (await field.getAttribute('name'));
      const value = BY_FIELD[id] ?? BY_KIND[await field.getAttribute('data-kind')];
      assert.ok(value, `${name}: no sample value for ${id}`);
      await field.fill(value);
    }
    await page.getByRole('button', { name: '继续' }).click();
    await Promise.race([
      heading().filter({ hasText: '材料清单（一次性告知）' }).waitFor(),
      page.locator('.error-summary').waitFor(),
    ]);
    if (await page.locator('.error-summary').count() > 0) {
      assert.fail(`${name}: ${await page.locator('.error-summary').innerText()}`);
    }
    assert.ok(await page.locator('.material').count() > 0, `${name} lists materials`);
    await page.evaluate(() => { location.hash = '#/'; });
    await heading().filter({ hasText: '您要办什么事？' }).waitFor();
    await deleteDrafts();
  }
  await expectAccessible('home after walking every bundle');
});

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
