/** What a department needs to sit in a tree: its id, its name and its parent's id. */
export interface TreeDepartment {
  id: number;
  name: string;
  parentId: number | null;
}

/** A department with how deep it sits below the top. */
export interface IndentedDepartment<T extends TreeDepartment> {
  department: T;
  depth: number;
}

/**
 * Departments in tree order (each followed by the departments below it, by name), so a list
 * can indent them. A department whose parent is not in the list (a supervisor's top department)
 * is a top one, so nothing is left out.
 */
export function departmentTree<T extends TreeDepartment>(departments: readonly T[]): IndentedDepartment<T>[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<number | null, T[]>();
  for (const department of departments) {
    const parent = department.parentId !== null && ids.has(department.parentId) ? department.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), department]);
  }
  const result: IndentedDepartment<T>[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    const below = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const department of below) {
      if (seen.has(department.id)) continue;
      seen.add(department.id);
      result.push({ department, depth });
      walk(department.id, depth + 1);
    }
  };
  walk(null, 0);
  return result;
}
