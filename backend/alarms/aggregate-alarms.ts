import type { Repositories } from '../db/repositories.js';
import { DAY_MS, ZoneClock } from '../domain/zone-clock.js';
import { addDays, formatLocalDay, monthStart, weekStart, type LocalDay } from '../reports/local-day.js';
import type { AlarmCandidate } from './alarm-raiser.js';
import type { AlarmDefinitions } from './alarm-rule.js';
import { amountText } from './alarm-wording.js';

/** Whose alarm an owner's is: the user's own department and site go with it, so scopes apply. */
interface Owner {
  label: string;
  userId: number | null;
  departmentId: number | null;
  siteId: number | null;
}

/**
 * The alarms a budget rule wants now: for each subject (one, or every user, department or site)
 * whose cost in the current day, week or month has passed a threshold, one per threshold passed.
 * The window key is the period, the currency and the threshold, so each fires once per period.
 */
export async function budgetAlarms(
  repos: Repositories,
  definition: AlarmDefinitions['budget'],
  now: number,
): Promise<AlarmCandidate[]> {
  const today = new ZoneClock(definition.timeZone).localTime(now).day;
  const from =
    definition.period === 'day' ? today : definition.period === 'week' ? weekStart(today) : monthStart(today);
  const periodKey =
    definition.period === 'month' ? `month:${Math.floor(today / 100)}` : `${definition.period}:${from}`;
  const costs = await repos.alarmMeasures.costBy(definition.subject, from, today, definition.subjectId);
  const candidates: AlarmCandidate[] = [];
  // A budget is an amount in the currency its subject's calls are priced in, checked per currency.
  for (const { id, currency, costMicro } of costs) {
    const passed = definition.thresholds.filter(
      (threshold) => costMicro * 100 >= definition.budgetMicro * threshold,
    );
    if (passed.length === 0) continue;
    const owner = await ownerOf(repos, definition.subject, id);
    const percent = Math.floor((costMicro * 100) / definition.budgetMicro);
    const spent = `since ${formatLocalDay(from)}`;
    for (const threshold of passed)
      candidates.push({
        subjectKey: `${definition.subject}:${id}`,
        windowKey: `${periodKey}:${currency}@${threshold}`,
        subjectLabel: owner.label,
        severity: threshold >= 100 ? 'critical' : 'warning',
        detail: `${owner.label} has spent ${amountText(costMicro, currency)} ${spent}: ${percent}% of the ${definition.period}ly budget of ${amountText(definition.budgetMicro, currency)} (threshold ${threshold}%).`,
        measured: {
          costMicro,
          currency,
          budgetMicro: definition.budgetMicro,
          percent,
          threshold,
          from,
          to: today,
        },
        userId: owner.userId,
        departmentId: owner.departmentId,
        siteId: owner.siteId,
        callId: null,
      });
  }
  return candidates;
}

/**
 * The alarms an anomaly rule wants now: a subject (user, department or destination country) whose
 * calls, cost or minutes on one of the last local days reached the rule's minimum and more than
 * `factor` times its own daily average over the `baselineDays` before. Once per subject and day.
 */
export async function anomalyAlarms(
  repos: Repositories,
  definition: AlarmDefinitions['anomaly'],
  now: number,
): Promise<AlarmCandidate[]> {
  // Local days run up to a day ahead of UTC's; the newest checked is the day after UTC's today.
  const newest = addDays(new ZoneClock('UTC').localTime(now).day, 1);
  const firstChecked = addDays(newest, -definition.checkDays);
  const baselineFrom = addDays(firstChecked, -definition.baselineDays);
  const rows = await repos.alarmMeasures.dailyBy({
    subject: definition.subject,
    measure: definition.measure,
    fromDay: baselineFrom,
    toDay: newest,
    fromMs: epochOf(baselineFrom) - DAY_MS,
    toMs: epochOf(newest) + 2 * DAY_MS,
    destClasses: definition.destClasses,
    ...(definition.hours ? { hours: definition.hours } : {}),
  });
  const baseline = new Map<string, number>();
  for (const row of rows)
    if (row.day < firstChecked) baseline.set(row.key, (baseline.get(row.key) ?? 0) + row.value);
  const candidates: AlarmCandidate[] = [];
  for (const row of rows) {
    if (row.day < firstChecked) continue;
    const average = (baseline.get(row.key) ?? 0) / definition.baselineDays;
    if (row.value < definition.minimum || row.value <= definition.factor * average) continue;
    const owner =
      definition.subject === 'country'
        ? { label: `calls to ${row.key}`, userId: null, departmentId: null, siteId: null }
        : await ownerOf(repos, definition.subject, Number(row.key));
    const value = measureText(definition.measure, row.value);
    const usual = measureText(definition.measure, average);
    const scope = [
      definition.destClasses.length > 0 ? definition.destClasses.join('/') : null,
      definition.hours ? `between ${definition.hours.from}h and ${definition.hours.to}h` : null,
    ]
      .filter(Boolean)
      .join(' ');
    candidates.push({
      subjectKey: `${definition.subject}:${row.key}`,
      windowKey: `day:${row.day}`,
      subjectLabel: owner.label,
      severity: definition.severity,
      detail: `${owner.label}: ${value}${scope ? ` (${scope})` : ''} on ${formatLocalDay(row.day)}, against a usual ${usual} a day over the ${definition.baselineDays} days before.`,
      measured: {
        day: row.day,
        value: row.value,
        average,
        factor: definition.factor,
        measure: definition.measure,
      },
      userId: owner.userId,
      departmentId: owner.departmentId,
      siteId: owner.siteId,
      callId: null,
    });
  }
  return candidates;
}

function epochOf(day: LocalDay): number {
  return Date.parse(`${formatLocalDay(day)}T00:00:00Z`);
}

function measureText(measure: AlarmDefinitions['anomaly']['measure'], value: number): string {
  if (measure === 'cost') return `${amountText(Math.round(value), null)} spent`;
  if (measure === 'minutes') return `${Math.round(value)} minutes`;
  return `${Math.round(value * 10) / 10} calls`;
}

async function ownerOf(
  repos: Repositories,
  subject: 'user' | 'department' | 'site',
  id: number,
): Promise<Owner> {
  if (subject === 'user') {
    const user = await repos.users.get(id);
    return {
      label: user?.displayName ?? `user ${id}`,
      userId: id,
      departmentId: user?.departmentId ?? null,
      siteId: user?.siteId ?? null,
    };
  }
  if (subject === 'department') {
    const department = await repos.departments.get(id);
    return { label: department?.name ?? `department ${id}`, userId: null, departmentId: id, siteId: null };
  }
  const site = await repos.sites.get(id);
  return { label: site?.name ?? `site ${id}`, userId: null, departmentId: null, siteId: id };
}
