import { z } from 'zod';
import type { Repositories } from '../db/repositories.js';
import type { Scope } from '../domain/role.js';

/** The sites and departments a person may filter reports and calls by. */
export const filterOptionsSchema = z.object({
  sites: z.array(
    z.object({ id: z.number().int(), code: z.string(), name: z.string(), currency: z.string() }),
  ),
  departments: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      parentId: z.number().int().nullable(),
    }),
  ),
});
/** The sites and departments a person may filter by. */
export type FilterOptions = z.infer<typeof filterOptionsSchema>;

/**
 * What the tab offers in its site and department filters: every site and department for an
 * admin; a supervisor's departments (sub-departments included) and every site; nothing for an
 * employee, who sees only their own calls anyway.
 */
export async function filterOptions(
  repos: Pick<Repositories, 'sites' | 'departments'>,
  scope: Scope,
): Promise<FilterOptions> {
  if (scope.kind === 'user' || scope.kind === 'none') return { sites: [], departments: [] };
  const [sites, departments] = await Promise.all([repos.sites.list(), repos.departments.list()]);
  const visible =
    scope.kind === 'all' ? departments : departments.filter((d) => scope.departmentIds.includes(d.id));
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    sites: sites.map(({ id, code, name, currency }) => ({ id, code, name, currency })).sort(byName),
    departments: visible.map(({ id, code, name, parentId }) => ({ id, code, name, parentId })).sort(byName),
  };
}
