/**
 * Which carrier carries a call: the first rule (lowest priority number) whose every given criterion
 * matches. Empty criteria match anything, so a rule with none is the default route.
 */
export interface RoutingRule {
  id?: number;
  priority: number;
  siteId: number | null;
  /** Trunk or gateway name as the PBX reports it; compared without regard to case. */
  trunk: string | null;
  /** E.164 digits without "+" that the dialled number starts with. */
  prefix: string | null;
  carrierId: number;
}

/** The facts of a call that routing looks at. */
export interface RoutedCall {
  siteId: number | null;
  trunk: string | null;
  /** E.164 ("+…") or null. */
  number: string | null;
}

/**
 * Sorts rules into the order `routeCall` tries them: priority first; at equal priority the more
 * specific rule (longer prefix, then more criteria) so that a default route never shadows a
 * narrower one.
 */
export function orderRoutingRules(rules: readonly RoutingRule[]): RoutingRule[] {
  const criteria = (rule: RoutingRule) => Number(rule.siteId !== null) + Number(rule.trunk !== null);
  return [...rules].sort(
    (a, b) =>
      a.priority - b.priority ||
      (b.prefix?.length ?? 0) - (a.prefix?.length ?? 0) ||
      criteria(b) - criteria(a),
  );
}

/** The carrier of the first matching rule of `ordered` (see orderRoutingRules), or null. */
export function routeCall(ordered: readonly RoutingRule[], call: RoutedCall): number | null {
  const digits = call.number?.replace(/^\+/, '') ?? null;
  const trunk = call.trunk?.toLowerCase() ?? null;
  for (const rule of ordered) {
    if (rule.siteId !== null && rule.siteId !== call.siteId) continue;
    if (rule.trunk !== null && rule.trunk.toLowerCase() !== trunk) continue;
    if (rule.prefix !== null && (digits === null || !digits.startsWith(rule.prefix))) continue;
    return rule.carrierId;
  }
  return null;
}
