import type { Repositories } from '../backend/db/repositories.js';
import type { Department } from '../backend/domain/department.js';
import { LedgerlineError } from '../backend/domain/errors.js';
import type { User } from '../backend/domain/user.js';

/** A department or person named in words. */
export type NamedSubject = { kind: 'department'; department: Department } | { kind: 'user'; user: User };

/**
 * The department (by name or code, any letter case) or person (by display name or UPN) a
 * question names. A name matching several people is an error listing them, so the person asking
 * can say the full name; a name matching nothing says so.
 */
export async function resolveSubject(
  repos: Pick<Repositories, 'departments' | 'users'>,
  name: string,
): Promise<NamedSubject> {
  const wanted = name.trim().toLowerCase();
  const department = await findDepartment(repos, wanted);
  if (department) return { kind: 'department', department };
  const { users } = await repos.users.page({ search: wanted, offset: 0, limit: 6 });
  const named = users.filter((user) => !user.anonymous);
  const exact = named.filter(
    (user) => user.displayName.toLowerCase() === wanted || user.upn?.toLowerCase() === wanted,
  );
  const [only] = exact.length === 1 ? exact : named.length === 1 ? named : [];
  if (only) return { kind: 'user', user: only };
  if (named.length === 0)
    throw new LedgerlineError('not-found', `I know no department or person called "${name}"`);
  throw new LedgerlineError(
    'invalid-input',
    `"${name}" could be ${named
      .slice(0, 5)
      .map((user) => user.displayName)
      .join(', ')}: say the full name.`,
  );
}

/** A department by name or code (any letter case). */
export async function findDepartment(
  repos: Pick<Repositories, 'departments'>,
  name: string,
): Promise<Department | undefined> {
  const wanted = name.trim().toLowerCase();
  const departments = await repos.departments.list();
  return (
    departments.find((candidate) => candidate.name.toLowerCase() === wanted) ??
    departments.find((candidate) => candidate.code.toLowerCase() === wanted)
  );
}
