import type { Database } from '../db/database.js';
import type { DepartmentInput } from '../db/department.repository.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import type { Department } from '../domain/department.js';
import { LedgerlineError } from '../domain/errors.js';
import { recordChange, refuseWhileUsed, requireAdmin, type AdminActor } from './admin-actor.js';

/** A department with its sub-departments, for showing the organization as a tree. */
export interface DepartmentNode extends Department {
  children: DepartmentNode[];
}

/**
 * Departments and their supervisor groups, as an administrator changes them: the tree stays a
 * tree (no department under itself), every change audited.
 */
export class DepartmentAdmin {
  constructor(private readonly database: Database) {}

  /** Every department, by code, each with its parent's id. */
  async list(actor: AdminActor): Promise<Department[]> {
    requireAdmin(actor);
    return this.repos().departments.list();
  }

  /** The organization as a tree: top-level departments with their sub-departments, by code. */
  async tree(actor: AdminActor): Promise<DepartmentNode[]> {
    const nodes = (await this.list(actor)).map((department): DepartmentNode => ({
      ...department,
      children: [],
    }));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const roots: DepartmentNode[] = [];
    for (const node of nodes) {
      const parent = node.parentId === null ? undefined : byId.get(node.parentId);
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  /** The department with this id; not-found if none. */
  async get(actor: AdminActor, id: number): Promise<Department> {
    requireAdmin(actor);
    return existing(this.repos(), id);
  }

  /** Adds a department; conflict if its code is taken, invalid input if its parent is unknown. */
  async create(actor: AdminActor, input: DepartmentInput): Promise<Department> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      await refuseTakenCode(repos, input.code, null);
      if (input.parentId !== null) await knownParent(repos, input.parentId);
      const department = { id: await repos.departments.save(input), ...input };
      await recordChange(repos, actor, {
        action: 'create',
        entityType: 'department',
        entityKey: department.id,
        before: null,
        after: department,
      });
      return department;
    });
  }

  /**
   * Changes the given fields (its parent and supervisor group too); conflict if the new code is
   * another department's or the new parent is the department itself or one below it.
   */
  async update(actor: AdminActor, id: number, patch: Partial<DepartmentInput>): Promise<Department> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const before = await existing(repos, id);
      const after: Department = { ...before, ...patch, id };
      if (after.code !== before.code) await refuseTakenCode(repos, after.code, id);
      if (after.parentId !== null && after.parentId !== before.parentId) {
        await knownParent(repos, after.parentId);
        await refuseCycle(repos, before, after.parentId);
      }
      const { id: _id, ...input } = after;
      await repos.departments.update(id, input);
      await recordChange(repos, actor, {
        action: 'update',
        entityType: 'department',
        entityKey: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Removes a department; conflict, naming them, while it has users, sub-departments or calls. */
  async remove(actor: AdminActor, id: number): Promise<void> {
    requireAdmin(actor);
    await inTransaction(this.database, async (repos) => {
      const before = await existing(repos, id);
      const usage = await repos.departments.usage(id);
      refuseWhileUsed(`department ${before.code}`, {
        users: usage.users,
        'sub-departments': usage.children,
        'stored calls': await repos.calls.anyReferring('department_id', id),
      });
      await repos.departments.delete(id);
      await recordChange(repos, actor, {
        action: 'delete',
        entityType: 'department',
        entityKey: id,
        before,
        after: null,
      });
    });
  }

  private repos(): Repositories {
    return repositoriesFor(this.database.kysely, this.database);
  }
}

async function existing(repos: Repositories, id: number): Promise<Department> {
  const department = await repos.departments.get(id);
  if (!department) throw new LedgerlineError('not-found', `no department ${id}`);
  return department;
}

async function knownParent(repos: Repositories, parentId: number): Promise<void> {
  if (!(await repos.departments.get(parentId)))
    throw new LedgerlineError('invalid-input', `parentId: no department ${parentId}`);
}

async function refuseTakenCode(repos: Repositories, code: string, id: number | null): Promise<void> {
  const holder = await repos.departments.findByCode(code);
  if (holder && holder.id !== id)
    throw new LedgerlineError('conflict', `another department (${holder.id}) already has the code ${code}`);
}

/** Refuses a parent that is the department itself or below it, naming the chain. */
async function refuseCycle(repos: Repositories, department: Department, parentId: number): Promise<void> {
  if (parentId === department.id)
    throw new LedgerlineError('conflict', `department ${department.code} cannot be under itself`);
  const byId = new Map((await repos.departments.list()).map((d) => [d.id, d]));
  const chain: string[] = [];
  for (let at = byId.get(parentId); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) {
    chain.push(at.code);
    if (at.id === department.id) {
      throw new LedgerlineError(
        'conflict',
        `department ${department.code} cannot be under ${chain[0]}, which is below it (${chain.reverse().join(' > ')})`,
      );
    }
    if (chain.length > byId.size) break;
  }
}
