import ICAL from 'ical.js';
import { expect, test } from '@playwright/test';

test('the timeline links to an .ics calendar that parses, with every milestone', async ({ page, request }) => {
  await page.goto('lich-trinh/');
  const link = page.getByRole('link', { name: /Tải lịch/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\.ics$/);
  const milestones = await page.locator('ol.timeline > li').count();

  const response = await request.get(new URL(href!, page.url()).href);
  expect(response.status()).toBe(200);
  const text = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  expect(events).toHaveLength(milestones + 1); // the milestones and the month itself
  const byUid = new Map(events.map((e) => [e.uid.split('@')[0], e]));
  expect(byUid.get('thang-hanh-dong')!.startDate.toString()).toBe('2020-11-15');
  expect(byUid.get('thang-hanh-dong')!.endDate.toString()).toBe('2020-12-16');
  expect(byUid.get('ngay-quoc-te-xoa-bo-bao-luc-doi-voi-phu-nu')!.startDate.toString()).toBe('2020-11-25');
  expect(byUid.get('han-bao-cao')!.summary).toContain('20/12/2020');
  expect(byUid.get('han-tong-ket')!.startDate.toString()).toBe('2020-12-25');
});
