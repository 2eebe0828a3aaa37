import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SummaryReport } from '../src/api/api-types';

/** The dashboard's KPI cards by their test ids, in the order they are shown. */
export const KPI_IDS = ['cost', 'calls', 'answered', 'minutes', 'average'] as const;
/** One KPI card. */
export type KpiId = (typeof KPI_IDS)[number];
/** The texts of each card's values (money cards: one per currency). */
export type KpiTexts = Record<KpiId, string[]>;

/**
 * Waits until the KPI cards show what the API's summary says (a filter's change reaches the
 * cards once its request is answered and the page has rendered) and fails with both if they never do.
 */
export async function expectKpisOf(page: Page, summary: SummaryReport): Promise<void> {
  const expected = await expectedKpis(page, summary);
  await expect.poll(() => readKpis(page), { timeout: 30_000, interval: 250 }).toEqual(expected);
}

/** What the KPI cards show now. */
export async function readKpis(page: Page): Promise<KpiTexts> {
  const texts = {} as KpiTexts;
  for (const id of KPI_IDS)
    texts[id] = (await page.getByTestId(`kpi-${id}`).getByTestId('kpi-value').allTextContents()).map((text) =>
      text.trim(),
    );
  return texts;
}

/**
 * What the KPI cards should show for a summary the API returned, formatted in the page with the
 * browser's own `Intl` as the tab formats them: money in its currency, counts and minutes whole.
 */
export function expectedKpis(page: Page, summary: SummaryReport): Promise<KpiTexts> {
  return page.evaluate((totals) => {
    const locale = document.documentElement.lang || 'en-US';
    const money = (micro: number, currency: string) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(micro / 1_000_000);
    const whole = (value: number) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    return {
      cost: totals.cost.map((cost) => money(cost.micro, cost.currency)),
      calls: [whole(totals.calls)],
      answered: [whole(totals.answered)],
      minutes: [whole(totals.minutes)],
      average: totals.cost.map((cost) => money(cost.averageMicro, cost.currency)),
    };
  }, summary.totals);
}

/** A range of local days, both included (a type, so that it passes as a query). */
export type DayRange = { from: string; to: string };

/** Last calendar month as the tab's "Last month" counts it, from this machine's today. */
export function lastMonth(today: Date = new Date()): DayRange {
  const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  const last = new Date(today.getFullYear(), today.getMonth(), 0);
  return { from: localDay(first), to: localDay(last) };
}

/** The local day `YYYY-MM-DD` of a date, `days` later (or earlier when negative). */
export function localDay(date: Date, days = 0): string {
  const shifted = new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${shifted.getFullYear()}-${pad(shifted.getMonth() + 1)}-${pad(shifted.getDate())}`;
}
