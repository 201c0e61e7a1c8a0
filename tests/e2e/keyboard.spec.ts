/**
 * Keyboard only: the first Tab stop is the skip link (Tab + Enter skips to the content, never
 * leaves the site), and Esc from the search returns focus to the control that opened it.
 */
import { expect, test } from '@playwright/test';
import { vi } from './search-helpers.ts';

test('the first Tab stop is the skip link, and Enter on it moves to the content', async ({ page }) => {
  await page.goto('khau-hieu/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: vi['skipLink.label'] });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/khau-hieu\/#noi-dung$/);
  await expect(page.locator('main')).toBeFocused();
  // The next Tab stays in the content.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('"/" then Esc returns focus to the search button, not to the quick exit', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: vi['search.dialogTitle'] });
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: vi['search.open'] })).toBeFocused();
});

test('"/" pressed on a link, then Esc, returns focus to that link', async ({ page }) => {
  await page.goto('./');
  const link = page.locator('main a').first();
  await link.focus();
  await page.keyboard.press('/');
  await expect(page.getByRole('dialog', { name: vi['search.dialogTitle'] })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(link).toBeFocused();
});
