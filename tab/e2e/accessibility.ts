import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The impacts a page may not have: a keyboard or screen-reader user is blocked or badly hindered. */
const BLOCKING = new Set(['serious', 'critical']);

/** What `axe.run` answers, as far as the report needs it. */
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/**
 * Fluent UI's focus manager (Tabster) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`
 * around focus groups (tab lists, grids, dialogs, charts) to hand focus on; they are focusable on
 * purpose and hidden so screen readers do not announce them. axe's `aria-hidden-focus` counts
 * them; Microsoft's Accessibility Insights leaves them out of that rule (microsoft/tabster#288,
 * microsoft/accessibility-insights-web#7605), and so does this check — for that rule only.
 */
function isFocusManagerBumper(rule: string, node: { html: string }): boolean {
  return (
    rule === 'aria-hidden-focus' &&
    /^<i\b[^>]*(data-tabster-dummy|data-is-focus-trap-zone-bumper="true")/.test(node.html)
  );
}

/**
 * Runs axe-core (WCAG 2.x A and AA, and best practices) on the page as it is and throws when it
 * finds serious or critical violations, listing each rule, its elements and how to fix them.
 * axe is evaluated in the page rather than added as a script tag: the tab's
 * Content-Security-Policy (rightly) refuses inline scripts.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  // Colours in the middle of a transition are not the page's colours: let finite ones end first.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return results.violations as unknown as AxeViolation[];
  });
  const blocking = violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => !isFocusManagerBumper(violation.id, node)),
    }))
    .filter((violation) => violation.nodes.length > 0);
  if (blocking.length > 0) throw new Error(`${what}: ${describeViolations(blocking)}`);
}

/** One paragraph per rule: what it asks, where it failed (five elements at most), how to fix it. */
export function describeViolations(violations: AxeViolation[]): string {
  const rules = violations.map((violation) => {
    const nodes = violation.nodes.slice(0, 5).map((node) => {
      const fix = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      return `    ${node.target.map(String).join(' ')}${fix ? ` — ${fix}` : ''}`;
    });
    const more = violation.nodes.length > 5 ? [`    …and ${violation.nodes.length - 5} more`] : [];
    return [
      `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
      ...nodes,
      ...more,
    ].join('\n');
  });
  return `${violations.length} serious or critical accessibility violation(s):\n${rules.join('\n')}`;
}
