import type { APIRoute, GetStaticPaths } from 'astro';
import { formatDate, t } from '../../i18n/index.ts';
import { buildCalendar } from '../../build/ics.ts';
import { getCampaign, getMilestones, href } from '../../build/content/collections.ts';

/** One calendar, named by the campaign: `/lich-trinh/<publishing.calendarFile>.ics`. */
export const getStaticPaths = (async () => {
  const { publishing } = await getCampaign();
  return [{ params: { calendar: publishing.calendarFile } }];
}) satisfies GetStaticPaths;

/** "2020-12-20" → "2020-12-19". */
function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The milestones as an iCalendar file. */
export const GET: APIRoute = async ({ site }) => {
  const campaign = await getCampaign();
  const milestones = await getMilestones();
  const base = new URL(href(), site);
  const timeline = new URL('lich-trinh/', base).href;
  const body = buildCalendar({
    name: campaign.actionMonth,
    productId: campaign.publishing.calendarProductId,
    domain: base.hostname,
    stamp: campaign.period.start,
    events: [
      {
        id: 'thang-hanh-dong',
        start: campaign.period.start,
        end: campaign.period.end,
        summary: campaign.actionMonth,
        description: `${t('ics.theme')}: “${campaign.theme}”. ${campaign.period.text}`,
        url: timeline,
      },
      // "Trước ngày 20/12" is a deadline: the event falls on the last day still on time (19/12),
      // not on the day the report is already late.
      ...milestones.map((m) => ({
        id: m.id,
        start: m.relation === 'before' ? dayBefore(m.date) : m.date,
        summary:
          m.relation === 'before'
            ? `${t('ics.deadline')}: ${m.title} (${t('date.before').toLowerCase()} ${formatDate(m.date)})`
            : m.title,
        description: `${m.quote} (${t('ics.section', { section: m.section })})`,
        url: `${timeline}#${m.id}`,
      })),
    ],
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
