/**
 * Quick exit ("Thoát nhanh"): src/components/quick-exit/QuickExit.astro + src/components/quick-exit/quick-exit.ts.
 *
 * Nothing here touches the real exit site: every request that would leave the
 * preview server is answered with a tiny local page (see `offline`).
 */
import { readFileSync } from 'node:fs';
import { test, expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import { quickExitUrl } from '../../site.config.mjs';

/** `src/i18n/vi.json`, read as data (its strings are what the page must show). */
const vi: typeof import('../../src/i18n/vi.json') = JSON.parse(
  readFileSync(new URL('../../src/i18n/vi.json', import.meta.url), 'utf8'),
);

const NEUTRAL_PAGE = '<!doctype html><html lang="en"><title>Neutral</title><p>Neutral page</p></html>';

/**
 * Answers every request for another origin than the site's with `NEUTRAL_PAGE`,
 * after `hold` settles, and records it.
 */
async function offline(context: BrowserContext, baseURL: string | undefined, hold?: Promise<unknown>) {
  const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
  const left: Request[] = [];
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      left.push(route.request());
      await hold;
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body: NEUTRAL_PAGE });
    },
  );
  return left;
}

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return { closed, open };
}

function quickExit(page: Page) {
  const root = page.locator('quick-exit');
  return {
    link: page.getByRole('link', { name: vi['quickExit.label'] }),
    status: root.getByRole('status'),
    overlay: page.getByText(vi['quickExit.overlay'], { exact: true }),
  };
}

const LEAVING = 'quick-exit-leaving ';

/**
 * Makes every page log what it looks like as it starts to leave (its
 * `beforeunload`), before any answer from the exit site. Chromium stops
 * answering Playwright's evaluations while the exit request is held, but the
 * console still comes through.
 */
async function reportStateWhenLeaving(page: Page) {
  await page.addInitScript((tag) => {
    addEventListener('beforeunload', () => {
      const main = document.querySelector('main');
      const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      const state = {
        overlayCovers: !!hit?.closest('.js-quick-exit-overlay'),
        mainShown: !!main && getComputedStyle(main).display != 'none',
        status: document.querySelector('quick-exit [role="status"]')?.textContent,
      };
      console.log(tag + JSON.stringify(state));
    });
  }, LEAVING);
}

/** The next state logged by `reportStateWhenLeaving`. */
async function stateWhenLeaving(page: Page): Promise<unknown> {
  const message = await page.waitForEvent('console', { predicate: (m) => m.text().startsWith(LEAVING) });
  return JSON.parse(message.text().slice(LEAVING.length));
}

test.describe('quick exit', () => {
  test('a click blanks the page at once, then leaves for the exit URL without a Referer', async ({
    page,
    context,
    baseURL,
  }) => {
    const network = gate();
    const left = await offline(context, baseURL, network.closed);
    await reportStateWhenLeaving(page);
    await page.goto('./');
    const { link, overlay } = quickExit(page);
    const exitUrl = (await link.getAttribute('href'))!;
    expect(left, 'no request leaves the site while the page loads').toEqual([]);
    await expect(overlay).toBeHidden();

    // The click waits for the navigation it starts, so it settles only after the release below.
    const leaving = stateWhenLeaving(page);
    const clicked = link.click();
    expect(await leaving).toEqual({ overlayCovers: true, mainShown: false, status: vi['quickExit.exiting'] });
    await expect.poll(() => left.map((request) => request.url())).toEqual([exitUrl]);
    expect((await left[0]!.allHeaders())['referer']).toBeUndefined();

    network.open();
    await clicked;
    await page.waitForURL(exitUrl);
    await expect(page.getByText('Neutral page')).toBeVisible();
  });

  test('Back after leaving does not return to the page that was left', async ({ page, context, baseURL }) => {
    await offline(context, baseURL);
    await page.goto('./');
    await page.goto('./?trang-thu-hai');
    const { link, overlay } = quickExit(page);
    const exitUrl = (await link.getAttribute('href'))!;

    await link.click();
    await page.waitForURL(exitUrl);
    await page.goBack();

    expect(new URL(page.url()).search).toBe('');
    await expect(overlay).toBeHidden();
    await expect(link).toBeVisible();
  });

  test('the overlay is cleared when the page is shown again from the back/forward cache', async ({ page, context }) => {
    await page.goto('./');
    const { link, status, overlay } = quickExit(page);
    // Keep the page: the exit request fails as if stopped.
    await context.route((await link.getAttribute('href'))!, (route) => route.abort('aborted'));
    await link.click();
    await expect(overlay).toBeVisible();
    await expect(page.getByRole('main')).toBeHidden();

    // Playwright turns the back/forward cache off, so fire its `pageshow` by hand.
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));

    await expect(overlay).toBeHidden();
    await expect(link).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(status).toHaveText('');
  });

  test('Shift pressed three times leaves, counting down in Vietnamese', async ({ page, context, baseURL }) => {
    const left = await offline(context, baseURL);
    await page.goto('./');
    const { link, status } = quickExit(page);
    const exitUrl = (await link.getAttribute('href'))!;

    await page.keyboard.press('Shift');
    await expect(status).toHaveText(vi['quickExit.pressTwoMore']);
    await page.keyboard.press('Shift');
    await expect(status).toHaveText(vi['quickExit.pressOneMore']);
    expect(left).toEqual([]);
    await page.keyboard.press('Shift');

    await page.waitForURL(exitUrl);
    await expect(page.getByText('Neutral page')).toBeVisible();
  });

  test('Shift used with another key does not count', async ({ page, context, baseURL }) => {
    const left = await offline(context, baseURL);
    await page.goto('./');
    const { status, overlay } = quickExit(page);
    // A text field such as a search box.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { id: 'probe' })));
    const field = page.locator('#probe');
    await field.focus();

    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+A');
    await expect(field).toHaveValue('AAA');
    await page.locator('body').press('Shift+A');
    await page.keyboard.press('Shift+Digit1');

    await expect(status).toHaveText('');
    await expect(overlay).toBeHidden();
    expect(left).toEqual([]);
    // Still listening: a Shift on its own starts a count.
    await page.keyboard.press('Shift');
    await expect(status).toHaveText(vi['quickExit.pressTwoMore']);
  });

  test('any other key between the Shift presses starts the count again', async ({ page, context, baseURL }) => {
    const left = await offline(context, baseURL);
    await page.goto('./');
    const { status } = quickExit(page);

    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Control');
    await expect(status).toHaveText('');
    await page.keyboard.press('Shift');

    await expect(status).toHaveText(vi['quickExit.pressTwoMore']);
    expect(left).toEqual([]);
  });

  test('the three Shift presses must come within 5 seconds of the first', async ({ page, context, baseURL }) => {
    const left = await offline(context, baseURL);
    await page.clock.install();
    await page.goto('./');
    // Stop time flowing on its own, so only `runFor` moves it.
    await page.clock.pauseAt(Date.now() + 60_000);
    const { link, status, overlay } = quickExit(page);
    const exitUrl = (await link.getAttribute('href'))!;

    await page.keyboard.press('Shift');
    await page.clock.runFor(2_000);
    await page.keyboard.press('Shift');
    await page.clock.runFor(3_100);
    await expect(status).toHaveText(vi['quickExit.timedOut']);
    await page.keyboard.press('Shift');

    await expect(status).toHaveText(vi['quickExit.pressTwoMore']);
    await expect(overlay).toBeHidden();
    expect(left).toEqual([]);

    // The same three presses inside the window do leave.
    await page.clock.runFor(2_000);
    await page.keyboard.press('Shift');
    await page.clock.runFor(2_900);
    await page.keyboard.press('Shift');
    await page.waitForURL(exitUrl);
  });

  test('the control is a target of at least 44 × 44 px at the top right on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto('./');
    const box = (await quickExit(page).link.boundingBox())!;

    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.y).toBeLessThan(20);
    expect(360 - (box.x + box.width)).toBeLessThan(20);
  });
});

test.describe('quick exit without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('is a plain link to the exit URL that sends no Referer', async ({ page, context, baseURL }) => {
    const left = await offline(context, baseURL);
    await page.goto('./');
    const { link, overlay } = quickExit(page);
    const exitUrl = (await link.getAttribute('href'))!;

    expect(exitUrl).toBe(quickExitUrl);
    await expect(link).toHaveAttribute('rel', /\bnoreferrer\b/);
    await expect(overlay).toBeHidden();

    await link.click();
    await page.waitForURL(exitUrl);
    expect((await left[0]!.allHeaders())['referer']).toBeUndefined();
  });
});
