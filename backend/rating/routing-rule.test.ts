import { describe, expect, it } from 'vitest';
import { orderRoutingRules, routeCall, type RoutingRule } from './routing-rule.js';

const rule = (fields: Partial<RoutingRule> & Pick<RoutingRule, 'carrierId'>): RoutingRule => ({
  priority: 100,
  siteId: null,
  trunk: null,
  prefix: null,
  ...fields,
});

describe('routeCall', () => {
  const rules = orderRoutingRules([
    rule({ carrierId: 1 }),
    rule({ carrierId: 2, siteId: 7 }),
    rule({ carrierId: 3, siteId: 7, prefix: '44', priority: 50 }),
    rule({ carrierId: 4, trunk: 'GW-London-01', priority: 10 }),
    rule({ carrierId: 5, siteId: 7, prefix: '4420', priority: 50 }),
  ]);

  it('takes the first matching rule by priority, then the longer prefix', () => {
    expect(routeCall(rules, { siteId: 7, trunk: null, number: '+442071234567' })).toBe(5);
    expect(routeCall(rules, { siteId: 7, trunk: null, number: '+441611234567' })).toBe(3);
    expect(routeCall(rules, { siteId: 7, trunk: null, number: '+390212345678' })).toBe(2);
    expect(routeCall(rules, { siteId: 8, trunk: null, number: '+442071234567' })).toBe(1);
  });

  it('matches the trunk without regard to case', () => {
    expect(routeCall(rules, { siteId: 7, trunk: 'gw-london-01', number: '+442071234567' })).toBe(4);
  });

  it('gives null when nothing matches', () => {
    expect(
      routeCall(orderRoutingRules([rule({ carrierId: 2, siteId: 7 })]), {
        siteId: 1,
        trunk: null,
        number: null,
      }),
    ).toBeNull();
  });
});
