import ICAL from 'ical.js';
import { expect, test } from '@playwright/test';
import { campaignOf, contentDirOf, loadContent } from '../../src/build/content/load.ts';

/** The campaign the site was built from (`CONTENT_DIR`, default content/). */
const content = loadContent(contentDirOf(new URL('../..', import.meta.url).pathname));
const campaign = campaignOf(content);

/** "2020-12-20" → "20/12/2020", as the summaries write a deadline. */
const formatDate = (iso: string) => iso.split('-').reverse().join('/');
/** The day after an ISO date: an all-day event's DTEND. */
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

test('the timeline links to an .ics calendar that parses, with every milestone', async ({ page, request }) => {
  await page.goto('lich-trinh/');
  const link = page.getByRole('link', { name: /Tải lịch/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(new RegExp(`/lich-trinh/${campaign.publishing.calendarFile}\\.ics$`));
  const milestones = await page.locator('ol.timeline > li').count();
  expect(milestones).toBe(content.milestones.length);

  const response = await request.get(new URL(href!, page.url()).href);
  expect(response.status()).toBe(200);
  const text = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue('prodid')).toBe(campaign.publishing.calendarProductId);
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  expect(events).toHaveLength(milestones + 1); // the milestones and the month itself
  const byUid = new Map(events.map((e) => [e.uid.split('@')[0], e]));
  expect(byUid.get('thang-hanh-dong')!.startDate.toString()).toBe(campaign.period.start);
  expect(byUid.get('thang-hanh-dong')!.endDate.toString()).toBe(nextDay(campaign.period.end));
  for (const m of content.milestones) {
    const event = byUid.get(m.id)!;
    if (m.relation === 'before') {
      // A deadline "before 20/12" falls on the last day still on time, and says it is the last.
      expect(event.startDate.toString(), m.id).toBe(dayBefore(m.date));
      expect(event.summary, m.id).toMatch(/^Hạn chót: /);
      expect(event.summary, m.id).toContain(formatDate(m.date));
    } else expect(event.startDate.toString(), m.id).toBe(m.date);
  }
});

test('the calendar of the Tam Đường 2020 plan has its dates', async ({ request }) => {
  test.skip(campaign.id !== 'tam-duong-2020', 'another campaign was built (CONTENT_DIR)');
  const text = await (await request.get('lich-trinh/thang-hanh-dong-2020.ics')).text();
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  const byUid = new Map(events.map((e) => [e.uid.split('@')[0], e]));
  expect(byUid.get('thang-hanh-dong')!.startDate.toString()).toBe('2020-11-15');
  expect(byUid.get('thang-hanh-dong')!.endDate.toString()).toBe('2020-12-16');
  expect(byUid.get('ngay-quoc-te-xoa-bo-bao-luc-doi-voi-phu-nu')!.startDate.toString()).toBe('2020-11-25');
  expect(byUid.get('han-bao-cao')!.startDate.toString()).toBe('2020-12-19');
  expect(byUid.get('han-bao-cao')!.summary).toContain('20/12/2020');
  expect(byUid.get('han-tong-ket')!.startDate.toString()).toBe('2020-12-24');
});
