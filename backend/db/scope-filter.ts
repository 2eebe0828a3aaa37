import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../domain/role.js';

/** Tables that carry the owner columns a Scope filters on. */
type Owned = { user_id: number | null; department_id: number | null };

/**
 * The WHERE condition that limits rows to a Scope: one user's, some departments' (already
 * expanded to sub-departments), all, or none. Applied in SQL by every repository query that reads calls.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: Scope,
): Expression<SqlBool> {
  const owned = eb as unknown as ExpressionBuilder<{ t: Owned }, 't'>;
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'none':
      return sql<SqlBool>`1 = 0`;
    case 'user':
      return owned('user_id', '=', scope.userId);
    case 'departments':
      return scope.departmentIds.length === 0
        ? sql<SqlBool>`1 = 0`
        : owned('department_id', 'in', [...scope.departmentIds]);
  }
}
