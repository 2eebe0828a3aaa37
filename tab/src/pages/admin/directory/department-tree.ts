import type { Department } from '../admin-types';

/** A department with how deep it sits under the top. */
export interface IndentedDepartment {
  department: Department;
  depth: number;
}

/**
 * The departments in tree order, each under its parent with its depth, siblings by name. A
 * department whose parent is not in the list counts as a top one, so nothing is left out.
 */
export function indentDepartments(departments: readonly Department[]): IndentedDepartment[] {
  const ids = new Set(departments.map((department) => department.id));
  const children = new Map<number | null, Department[]>();
  for (const department of departments) {
    const parent = department.parentId !== null && ids.has(department.parentId) ? department.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), department]);
  }
  const out: IndentedDepartment[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    const below = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const department of below) {
      if (seen.has(department.id)) continue;
      seen.add(department.id);
      out.push({ department, depth });
      walk(department.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A department and everything under it: none of them may become its parent. */
export function selfAndBelow(departments: readonly Department[], id: number): Set<number> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of departments)
      if (department.parentId !== null && found.has(department.parentId) && !found.has(department.id)) {
        found.add(department.id);
        grew = true;
      }
  }
  return found;
}

/** A department as the form holds it. */
export interface DepartmentDraft {
  code: string;
  name: string;
  parentId: string;
  costCenter: string;
  supervisorGroupId: string;
}

/** A field of the department form that cannot be sent. */
export type DepartmentField = 'code' | 'name' | 'costCenter' | 'supervisorGroupId';

/** The form of a department, or of a new one. */
export function departmentDraftOf(department: Department | null): DepartmentDraft {
  return {
    code: department?.code ?? '',
    name: department?.name ?? '',
    parentId: department?.parentId === null || !department ? '' : String(department.parentId),
    costCenter: department?.costCenter ?? '',
    supervisorGroupId: department?.supervisorGroupId ?? '',
  };
}

/** Reads the form into a department's POST or PATCH body, or names the fields that cannot be sent. */
export function departmentBody(
  draft: DepartmentDraft,
): { ok: true; body: Omit<Department, 'id'> } | { ok: false; problems: DepartmentField[] } {
  const problems: DepartmentField[] = [];
  const code = draft.code.trim();
  const name = draft.name.trim();
  const costCenter = draft.costCenter.trim();
  const group = draft.supervisorGroupId.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(code)) problems.push('code');
  if (name === '' || name.length > 200) problems.push('name');
  if (costCenter.length > 64) problems.push('costCenter');
  if (group !== '' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(group))
    problems.push('supervisorGroupId');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      code,
      name,
      parentId: draft.parentId === '' ? null : Number(draft.parentId),
      costCenter: costCenter || null,
      supervisorGroupId: group || null,
    },
  };
}
