import type { APIRoute, GetStaticPaths } from 'astro';
import { formatDate, t } from '../../i18n';
import { buildCalendar } from '../../build/ics';
import { getCampaign, getMilestones, href } from '../../build/content/collections';

/** One calendar, named by the campaign: `/lich-trinh/<publishing.calendarFile>.ics`. */
export const getStaticPaths = (async () => {
  const { publishing } = await getCampaign();
  return [{ params: { calendar: publishing.calendarFile } }];
}) satisfies GetStaticPaths;

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
      ...milestones.map((m) => ({
        id: m.id,
        start: m.date,
        summary:
          m.relation === 'before' ? `${m.title} (${t('date.before').toLowerCase()} ${formatDate(m.date)})` : m.title,
        description: `${m.quote} (${t('ics.section', { section: m.section })})`,
        url: `${timeline}#${m.id}`,
      })),
    ],
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
