/** What a person may see: their own calls, their departments' calls, or everything. */
export type Role = 'employee' | 'supervisor' | 'admin';

/**
 * The rows a query may touch, applied in SQL by every report and call query:
 * one user, a set of departments (sub-departments already expanded), or all.
 */
export type Scope =
  | { kind: 'user'; userId: number }
  | { kind: 'departments'; departmentIds: readonly number[] }
  | { kind: 'all' };
