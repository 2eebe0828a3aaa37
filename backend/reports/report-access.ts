import type { ReportCriteria } from '../db/report-criteria.js';
import type { Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import type { NumberMask } from './number-mask.js';
import { periodOf, type ReportFilters } from './report-query.js';

/** The repositories access checks read. */
export type AccessRepositories = Pick<Repositories, 'departments' | 'users'>;

/**
 * Turns a principal's filters into the criteria the repositories apply (beside the principal's
 * Scope, which they apply in SQL too). A filter naming a user or department outside the scope is
 * refused rather than answered with nothing, so a person is told they asked for what they may not
 * see: an employee may name only themselves, a supervisor the departments they supervise (with
 * sub-departments) and their users (by the user's current department).
 */
export async function reportCriteria(
  repos: AccessRepositories,
  principal: Principal,
  filters: ReportFilters,
  mask: NumberMask,
): Promise<ReportCriteria> {
  const { fromDay, toDay } = periodOf(filters);
  const criteria: ReportCriteria = { fromDay, toDay };
  if (filters.user !== undefined) {
    await checkUser(repos, principal, filters.user);
    criteria.userId = filters.user;
  }
  if (filters.department !== undefined) {
    checkDepartment(principal, filters.department);
    criteria.departmentIds = await repos.departments.withDescendants([filters.department]);
  }
  if (filters.site !== undefined) criteria.siteId = filters.site;
  if (filters.carrier !== undefined) criteria.carrierId = filters.carrier;
  if (filters.destClass !== undefined) criteria.destClass = filters.destClass;
  if (filters.country !== undefined) criteria.country = filters.country;
  if (filters.direction !== undefined) criteria.direction = filters.direction;
  if (filters.answered !== undefined) criteria.answered = filters.answered;
  if (filters.minCost !== undefined) criteria.minCost = filters.minCost;
  if (filters.q !== undefined) {
    criteria.search = {
      text: filters.q,
      digits: searchDigits(filters.q),
      hiddenDigits: mask.hiddenDigits,
      ownUserId: mask.ownUserId,
    };
  }
  return criteria;
}

async function checkUser(repos: AccessRepositories, principal: Principal, userId: number): Promise<void> {
  const scope = principal.scope;
  if (scope.kind === 'all') return;
  if (scope.kind === 'user' && scope.userId === userId) return;
  if (scope.kind === 'departments') {
    const user = await repos.users.get(userId);
    if (user && user.departmentId !== null && scope.departmentIds.includes(user.departmentId)) return;
  }
  throw new LedgerlineError('forbidden', `You may not see the calls of user ${userId}.`);
}

function checkDepartment(principal: Principal, departmentId: number): void {
  const scope = principal.scope;
  if (scope.kind === 'all') return;
  if (scope.kind === 'departments' && scope.departmentIds.includes(departmentId)) return;
  throw new LedgerlineError(
    'forbidden',
    `You may not see the calls of department ${departmentId}: it is not one you supervise.`,
  );
}

/** The digits a search text names (with a leading +), if it reads as a phone number. */
function searchDigits(text: string): string | null {
  if (!/^\+?[\d\s().\-/]+$/.test(text) || !/\d/.test(text)) return null;
  return (text.startsWith('+') ? '+' : '') + text.replace(/\D/g, '');
}
