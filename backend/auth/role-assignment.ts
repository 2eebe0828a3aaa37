import type { Department } from '../domain/department.js';
import type { Role } from '../domain/role.js';

/** The role a person's groups give, and the departments (not yet expanded) they supervise. */
export interface RoleAssignment {
  role: Role;
  supervisedDepartmentIds: number[];
}

/** The groups that can give a role: the admin group and every department's supervisor group. */
export function roleGroupIds(adminGroupId: string | undefined, departments: readonly Department[]): string[] {
  const ids = new Set<string>();
  if (adminGroupId) ids.add(adminGroupId.toLowerCase());
  for (const department of departments) {
    if (department.supervisorGroupId) ids.add(department.supervisorGroupId.toLowerCase());
  }
  return [...ids];
}

/**
 * Admin if in the admin group; else supervisor of the departments whose supervisor group they
 * are in; else employee. `groups` are lower-case group ids.
 */
export function assignRole(
  groups: ReadonlySet<string>,
  adminGroupId: string | undefined,
  departments: readonly Department[],
): RoleAssignment {
  if (adminGroupId && groups.has(adminGroupId.toLowerCase()))
    return { role: 'admin', supervisedDepartmentIds: [] };
  const supervised = departments
    .filter(
      (department) => department.supervisorGroupId && groups.has(department.supervisorGroupId.toLowerCase()),
    )
    .map((department) => department.id);
  return supervised.length > 0
    ? { role: 'supervisor', supervisedDepartmentIds: supervised }
    : { role: 'employee', supervisedDepartmentIds: [] };
}
