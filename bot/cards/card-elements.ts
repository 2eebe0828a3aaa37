import type { ReportTotals } from '../../backend/reports/report-totals.js';

/** An Adaptive Card as JSON: what every card builder returns and the bot sends. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action: ExecuteAction; userIds?: string[] };
  fallbackText?: string;
}

/** An element or action of a card, as JSON. */
export type CardElement = { type: string } & Record<string, unknown>;

/** A universal action (Action.Execute): Teams sends it to the bot as an `adaptiveCard/action` invoke. */
export interface ExecuteAction extends CardElement {
  type: 'Action.Execute';
  verb: string;
  title?: string;
  data?: Record<string, unknown>;
}

/** The verbs the bot's cards send back. */
export const CARD_VERBS = { refresh: 'refresh', acknowledge: 'acknowledge' } as const;

/** A card of version 1.5 with this body, actions and refresh. */
export function adaptiveCard(
  body: CardElement[],
  options: { actions?: CardElement[]; refresh?: AdaptiveCard['refresh']; fallbackText?: string } = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(options.actions && options.actions.length > 0 ? { actions: options.actions } : {}),
    ...(options.refresh ? { refresh: options.refresh } : {}),
    ...(options.fallbackText ? { fallbackText: options.fallbackText } : {}),
  };
}

/** A heading line. */
export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' };
}

/** A line of text, optionally subtle (lighter) or small. */
export function textLine(text: string, options: { subtle?: boolean; small?: boolean } = {}): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.small ? { size: 'Small' } : {}),
  };
}

/** Name/value pairs. */
export function facts(pairs: ReadonlyArray<readonly [string, string]>): CardElement {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

/** A table of text cells, the first row a header. */
export function table(columns: readonly string[], rows: ReadonlyArray<readonly string[]>): CardElement {
  const cells = (values: readonly string[], bold: boolean) => ({
    type: 'TableRow',
    cells: values.map((value, index) => ({
      type: 'TableCell',
      items: [
        {
          type: 'TextBlock',
          text: value,
          wrap: true,
          ...(bold ? { weight: 'Bolder' } : {}),
          ...(index > 0 ? { horizontalAlignment: 'Right' } : {}),
        },
      ],
    })),
  });
  return {
    type: 'Table',
    columns: columns.map((_, index) => ({ width: index === 0 ? 3 : 2 })),
    firstRowAsHeader: true,
    showGridLines: false,
    rows: [cells(columns, true), ...rows.map((row) => cells(row, false))],
  };
}

/** A link button. */
export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

/** A universal action button. */
export function execute(title: string, verb: string, data: Record<string, unknown>): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data };
}

/** Cost in each currency, e.g. "EUR 1,234.56 · GBP 10.00", or "no cost" when nothing was charged. */
export function costText(totals: Pick<ReportTotals, 'cost'>): string {
  if (totals.cost.length === 0) return 'no cost';
  return totals.cost.map((entry) => formatCost(entry.micro, entry.currency)).join(' · ');
}

/** Micro-units as a currency amount to the cent, rounded half up: "EUR 1,234.56". */
export function formatCost(micro: number, currency: string): string {
  const sign = micro < 0 ? '-' : '';
  const cents = Math.floor((Math.abs(micro) + 5_000) / 10_000);
  const whole = Math.floor(cents / 100).toLocaleString('en');
  return `${sign}${currency} ${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** Talk time as hours and minutes: "3 h 05 min", "12 min". */
export function talkTime(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A count with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString('en');
}

/** "1 Mar 2026 – 31 Mar 2026" for a period of local days (or one day). */
export function periodText(period: { from: string; to: string }): string {
  const day = (text: string) =>
    new Date(`${text}T12:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return period.from === period.to ? day(period.from) : `${day(period.from)} – ${day(period.to)}`;
}

/**
 * The actions of a report card: Refresh (Action.Execute with the report's request, so the bot
 * answers it again and puts the new card in place for everyone) and a link into the tab; with
 * `refreshUserIds`, those users' Teams clients refresh the card by themselves when they show it.
 */
export function reportActions(
  request: unknown,
  link: { title: string; url: string | null },
  refreshUserIds: readonly string[] = [],
): Pick<AdaptiveCard, 'actions' | 'refresh'> {
  const refresh = execute('Refresh', CARD_VERBS.refresh, { request });
  return {
    actions: [refresh, ...(link.url ? [openUrl(link.title, link.url)] : [])],
    ...(refreshUserIds.length > 0 ? { refresh: { action: refresh, userIds: [...refreshUserIds] } } : {}),
  };
}
