/** What a person may see: their own calls, their departments' calls, or everything. */
export type Role = 'employee' | 'supervisor' | 'admin';

/**
 * The rows a query may touch, applied in SQL by every report and call query:
 * one user, a set of departments (sub-departments already expanded), all, or none (a person
 * signed in whom the directory does not know yet).
 */
export type Scope =
  | { kind: 'user'; userId: number }
  | { kind: 'departments'; departmentIds: readonly number[] }
  | { kind: 'all' }
  | { kind: 'none' };
