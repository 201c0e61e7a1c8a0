/**
 * /tro-giup/: the help lines in order of urgency, each card saying who it is for, when to call,
 * with a full-width call button; cost lines exactly as shared FACTS.md supports; sources folded.
 */
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './helpers.ts';

const DOUBT = 'Chưa có nguồn xác nhận cước phí';

test('the help lines come in order of urgency: 113, 115, 111, 1900 969 680', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('tro-giup/');
  const cards = page.locator('main .help-line');
  await expect(cards).toHaveCount(4);
  const numbers = await cards.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(numbers).toEqual(['tel:113', 'tel:115', 'tel:111', 'tel:1900969680']);

  for (const card of await cards.all()) {
    await expect(card).toContainText('Dành cho:');
    await expect(card).toContainText('Khi nào gọi:');
    const button = card.locator('a[href^="tel:"]');
    await expect(button).toHaveAccessibleName(/^Gọi /);
    // Full width: the button spans the card's content box.
    const [buttonBox, cardWidth] = await Promise.all([
      button.boundingBox(),
      card.evaluate((el) => {
        const style = getComputedStyle(el);
        return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      }),
    ]);
    expect(Math.abs(buttonBox!.width - cardWidth)).toBeLessThan(1);
    expect(buttonBox!.height).toBeGreaterThanOrEqual(44);
    // Sources are folded under "Nguồn".
    const sources = card.locator('details.sources');
    await expect(sources.locator('summary')).toHaveText('Nguồn');
    await expect(sources).not.toHaveAttribute('open');
  }
});

test('113, 115 and 111 are free; 1900 969 680 carries no cost line at all', async ({ page }) => {
  await page.goto('tro-giup/');
  for (const id of ['cong-an-113', 'cap-cuu-115', 'tong-dai-111'])
    await expect(page.locator(`#${id}`)).toContainText('Gọi miễn phí.');
  const women = page.locator('#ngoi-nha-binh-yen');
  await expect(women).toContainText('1900 969 680');
  expect(await women.textContent()).not.toMatch(/phí|cước|miễn/i);
});

test(`no page says "${DOUBT}"`, async ({ request }) => {
  const doubting: string[] = [];
  for (const path of [...sitemapPaths(), 'khong-co-trang-nay/']) {
    const response = await request.get(path);
    if ((await response.text()).includes(DOUBT)) doubting.push(`/${path}`);
  }
  expect(doubting).toEqual([]);
});

test('where to go in person: the places the plan names, in its words, with no number or address', async ({ page }) => {
  await page.goto('tro-giup/');
  const places = page.locator('section[aria-labelledby="den-truc-tiep"]');
  await expect(places.getByRole('heading', { level: 2 })).toHaveText('Nơi có thể đến trực tiếp');
  for (const name of [
    'Công an huyện',
    'Hội Liên hiệp phụ nữ huyện',
    'Ủy ban nhân dân các xã, thị trấn',
    'Trung tâm Y tế',
  ])
    await expect(places).toContainText(name);
  await expect(places).toContainText('cơ sở cung cấp dịch vụ hỗ trợ');
  await expect(places.locator('a[href^="tel:"]')).toHaveCount(0);
  // No local contacts in content/local-contacts.yaml yet: no empty section.
  await expect(page.locator('#lien-he-dia-phuong')).toHaveCount(0);
});

test('the safety advice names the traces a device keeps, and gives only the advice FACTS.md supports', async ({
  page,
}) => {
  await page.goto('tro-giup/');
  const safety = page.locator('section[aria-labelledby="an-toan"]');
  await expect(safety).toContainText('không xóa lịch sử duyệt web');
  await expect(safety).toContainText('chế độ duyệt web riêng tư');
  // The four traces the page must name: call log, downloads and calendar entries, history, monitoring software.
  for (const trace of ['nhật ký cuộc gọi', 'Tệp đã tải về', 'ứng dụng lịch', '“Lịch sử”', 'phần mềm theo dõi'])
    await expect(safety).toContainText(trace);
  // No advice beyond FACTS.md's (private browsing, another device, clearing history): nothing on
  // deleting call logs or removing software, no guess at how others react.
  for (const unsupported of ['xóa nhật ký', 'gỡ phần mềm', 'nghi ngờ'])
    await expect(safety).not.toContainText(unsupported);
});
