import type { RoutingRule } from '../admin-types';
import { parseWhole } from '../shared/amount';

/** A routing rule as its row of the form holds it; empty criteria match any call. */
export interface RuleDraft {
  /** Keeps a row's identity in the list while its fields change. */
  key: number;
  priority: string;
  siteId: string;
  trunk: string;
  prefix: string;
  carrierId: string;
}

/** Why a field of a rule cannot be sent. */
export type RuleProblem = 'priority' | 'prefix' | 'carrierId' | 'trunk';

/** The rules by priority, lowest (tried first) at the top; equal priorities keep the API's order. */
export function sortRules<T extends { priority: number }>(rules: readonly T[]): T[] {
  return [...rules].sort((a, b) => a.priority - b.priority);
}

/** The form's rows of the stored rules, by priority. */
export function ruleDrafts(rules: readonly RoutingRule[]): RuleDraft[] {
  return sortRules(rules).map((rule, index) => ({
    key: index,
    priority: String(rule.priority),
    siteId: rule.siteId === null ? '' : String(rule.siteId),
    trunk: rule.trunk ?? '',
    prefix: rule.prefix ?? '',
    carrierId: String(rule.carrierId),
  }));
}

/** A new row at the end: tried after every other rule. */
export function newRule(drafts: readonly RuleDraft[], carrierId: number | undefined): RuleDraft {
  const priorities = drafts.map((draft) => parseWhole(draft.priority) ?? 0);
  return {
    key: Math.max(-1, ...drafts.map((draft) => draft.key)) + 1,
    priority: String(priorities.length === 0 ? 10 : Math.max(...priorities) + 10),
    siteId: '',
    trunk: '',
    prefix: '',
    carrierId: carrierId === undefined ? '' : String(carrierId),
  };
}

/** Moves a row up (-1) or down (+1), swapping its priority with its neighbour's so the order holds. */
export function moveRule(drafts: readonly RuleDraft[], index: number, step: -1 | 1): RuleDraft[] {
  const other = index + step;
  const here = drafts[index];
  const there = drafts[other];
  if (!here || !there) return [...drafts];
  const moved = [...drafts];
  const second = here.priority;
  let first = there.priority;
  // Equal priorities would not keep the new order: the one moved ahead gets one less.
  if (first === second) first = String(Math.max(0, (parseWhole(second) ?? 0) + (step === -1 ? -1 : 1)));
  moved[other] = { ...here, priority: first };
  moved[index] = { ...there, priority: second };
  return moved;
}

/**
 * The body of `PUT /api/v1/admin/routing-rules` (every rule, by priority), or the problems of the
 * rows by `index.field`.
 */
export function rulesBody(
  drafts: readonly RuleDraft[],
): { ok: true; rules: Omit<RoutingRule, 'id'>[] } | { ok: false; problems: Record<string, RuleProblem> } {
  const problems: Record<string, RuleProblem> = {};
  const rules = drafts.map((draft, index) => {
    const priority = parseWhole(draft.priority);
    if (priority === null || priority > 1_000_000) problems[`${index}.priority`] = 'priority';
    const prefix = draft.prefix.trim().replace(/^\+/, '');
    if (prefix !== '' && !/^\d{1,16}$/.test(prefix)) problems[`${index}.prefix`] = 'prefix';
    const trunk = draft.trunk.trim();
    if (trunk.length > 128) problems[`${index}.trunk`] = 'trunk';
    const carrierId = parseWhole(draft.carrierId, 1);
    if (carrierId === null) problems[`${index}.carrierId`] = 'carrierId';
    return {
      priority: priority ?? 0,
      siteId: parseWhole(draft.siteId, 1),
      trunk: trunk || null,
      prefix: prefix || null,
      carrierId: carrierId ?? 0,
    };
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, rules: sortRules(rules) };
}
