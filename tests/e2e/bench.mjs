// Browser benchmarks of 一表通, run by `cargo xtask bench` against the release build (BASE_URL):
// on the largest shipped bundle with every field filled, the time from a keystroke to the page
// re-rendered with the recomputed plan (the draft saved after the render is the mark), over
// 200 keystrokes; the time from "continue" to the error summary on screen; and the time to the
// first interactive page from a cold load with a 4x CPU slowdown. Prints the figures.
import { ms, percentile, withBrowser } from './bench-browser.mjs';
import { chooseFirstOptions } from './walk.mjs';

const BASE_URL = process.env.BASE_URL;
if (!BASE_URL) throw new Error('BASE_URL is not set: run with `cargo xtask bench`');
const BY_KIND = {
  text: '示例', long_text: '示例内容', integer: '3', decimal: '120', money: '100000', date: '2026-01-05',
  id_number: '11010519491231002X', credit_code: '91350100M000100Y43', mobile: '13800138000',
  bank_card: '6222021234567890128', person_name: '张三', address: '某某市某某区某某路 1 号',
};
const BY_FIELD = { 'property.water_account': '12345678', 'property.power_account': '23456789', 'property.gas_account': '34567890' };
// Valid ID numbers (GB 11643) of different adults: the checks across answers (issue 14) refuse
// one person in two roles (a buyer who is the seller, an agent who is either).
const ID_NUMBERS = ['110101198005010130', '110101198503020243', '110101196802020172', '11010119750707026X', '11010519491231002X'];
// The bundle with the most fields when every situation question takes its first answer.
const LARGEST = '二手房转移登记及水电气联动过户';


/** Opens the largest bundle and fills every section; ends on the task list. */
async function fillLargest(page) {
  await page.goto(BASE_URL);
  await page.locator('.bundle-card').filter({ has: page.getByRole('heading', { name: LARGEST, exact: true }) })
    .getByRole('button', { name: '开始办理' }).click();
  // The bundle's piece of the catalog loads first.
  await page.locator('.question-form').waitFor();
  while (await page.locator('.question-form').count() > 0) {
    await chooseFirstOptions(page);
    const before = page.url();
    await page.getByRole('button', { name: '继续' }).click();
    await page.waitForFunction((url) => location.href !== url, before);
  }
  await page.getByRole('button', { name: '开始填写' }).click();
  await page.locator('.task-link').first().click();
  let fields = 0;
  let people = 0;
  while (await page.locator('.combined-form').count() > 0) {
    await chooseFirstOptions(page);
    for (const field of await page.locator('form .input, form .textarea').all()) {
      const id = await field.getAttribute('name');
      const kind = await field.getAttribute('data-kind');
      const value = kind === 'id_number' ? ID_NUMBERS[people++ % ID_NUMBERS.length] : BY_FIELD[id] ?? BY_KIND[kind];
      await field.fill(value);
      fields += 1;
    }
    const before = page.url();
    await page.getByRole('button', { name: '继续' }).click();
    await page.waitForFunction((url) => location.href !== url, before);
  }
  // After the last section the materials come (issue 14): back to the task list by its address.
  await page.evaluate(() => { location.hash = location.hash.replace(/\/[^/]*$/, '/tasks'); });
  await page.locator('.task-link').first().waitFor();
  return fields;
}

const keystrokes = await withBrowser(async (context, page) => {
  const fields = await fillLargest(page);
  // The section of the home's address.
  await page.locator('.task-link').filter({ hasText: '房屋' }).click();
  await page.locator('form .input[data-kind="address"]').waitFor();
  const times = await page.evaluate(async () => {
    const input = document.querySelector('form .input[data-kind="address"]');
    const yieldNow = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const result = [];
    for (let i = 0; i < 200; i += 1) {
      const saved = localStorage.getItem('yibiao.draft');
      const start = performance.now();
      input.value += i % 2 === 0 ? '号' : '楼';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      while (localStorage.getItem('yibiao.draft') === saved) await yieldNow();
      result.push(performance.now() - start);
    }
    return result;
  });
  // Back to a valid address (200 characters are more than it may have).
  await page.locator('form .input[data-kind="address"]').fill(BY_KIND.address);
  // Continue with errors: from the click to the error summary on screen, 20 times.
  const summaries = [];
  for (let i = 0; i < 20; i += 1) {
    await page.locator('.task-link').first().click().catch(() => {});
    await page.locator('form .input').first().fill('');
    summaries.push(await page.evaluate(async () => {
      const start = performance.now();
      document.querySelector('form button[type=submit]').click();
      while (!document.querySelector('.error-summary')) await new Promise((resolve) => setTimeout(resolve, 0));
      return performance.now() - start;
    }));
    await page.locator('.error-summary a').first().click();
    await page.locator('form .input').first().fill('示例');
    const before = page.url();
    await page.getByRole('button', { name: '继续' }).click();
    await page.waitForFunction((url) => location.href !== url, before);
    await page.evaluate(() => { location.hash = location.hash.replace(/\/section\/[^/]*$|\/[^/]*$/, '/tasks'); });
    await page.locator('.task-link').first().waitFor();
  }
  return { fields, times, summaries };
});

const coldLoads = [];
for (let i = 0; i < 5; i += 1) {
  coldLoads.push(await withBrowser(async (context, page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(BASE_URL, { waitUntil: 'commit' });
    await page.locator('.bundle-card button').first().waitFor();
    // From the start of navigation to the first bundle's button on screen.
    return page.evaluate(() => performance.now());
  }));
}

console.log(`keystroke to re-rendered page with the recomputed plan (${LARGEST}, ${keystrokes.fields} fields filled, 200 keystrokes):`);
console.log(`  p50 ${ms(percentile(keystrokes.times, 50))}, p95 ${ms(percentile(keystrokes.times, 95))}, max ${ms(Math.max(...keystrokes.times))} (target: p95 under 16 ms)`);
console.log(`continue to the error summary on screen (20 times): p50 ${ms(percentile(keystrokes.summaries, 50))}, p95 ${ms(percentile(keystrokes.summaries, 95))}`);
console.log(`first interactive page, cold load, 4x CPU slowdown (5 loads): p50 ${ms(percentile(coldLoads, 50))}, max ${ms(Math.max(...coldLoads))} (target: under 1500 ms)`);
