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
