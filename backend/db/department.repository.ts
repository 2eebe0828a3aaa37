import type { Kysely, Selectable } from 'kysely';
import type { Department } from '../domain/department.js';
import type { BillingSchema, DepartmentTable } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';

/** A department as given to `save`. */
export type DepartmentInput = Omit<Department, 'id'>;

/** The organization tree. */
export class DepartmentRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
  ) {}

  /** Creates the department, or updates the one with the same code; returns its id. */
  async save(department: DepartmentInput): Promise<number> {
    const row = {
      code: department.code,
      name: department.name,
      parent_id: department.parentId,
      cost_center: department.costCenter,
      supervisor_group_id: department.supervisorGroupId,
    };
    const existing = await this.db
      .selectFrom('departments')
      .select('id')
      .where('code', '=', department.code)
      .executeTakeFirst();
    if (existing) {
      await this.db.updateTable('departments').set(row).where('id', '=', existing.id).execute();
      return Number(existing.id);
    }
    return insertReturningId(this.adapter.capabilities, this.db.insertInto('departments').values(row));
  }

  /** All departments, by code. */
  async list(): Promise<Department[]> {
    const rows = await this.db.selectFrom('departments').selectAll().orderBy('code').execute();
    return rows.map(toDepartment);
  }

  /** The department with this code, if any. */
  async findByCode(code: string): Promise<Department | undefined> {
    const row = await this.db
      .selectFrom('departments')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
    return row && toDepartment(row);
  }

  /**
   * The given departments and every department below them: what a supervisor of those
   * departments may see. The tree is small, so it is walked in memory.
   */
  async withDescendants(ids: readonly number[]): Promise<number[]> {
    const all = await this.list();
    const children = new Map<number, number[]>();
    for (const department of all) {
      if (department.parentId === null) continue;
      children.set(department.parentId, [...(children.get(department.parentId) ?? []), department.id]);
    }
    const result = new Set<number>();
    const pending = [...ids];
    while (pending.length > 0) {
      const id = pending.pop() as number;
      if (result.has(id)) continue;
      result.add(id);
      pending.push(...(children.get(id) ?? []));
    }
    return [...result].sort((a, b) => a - b);
  }

  /** The department with this id, if any. */
  async get(id: number): Promise<Department | undefined> {
    const row = await this.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDepartment(row);
  }

  /** Changes the department with this id (its code and parent too). */
  async update(id: number, department: DepartmentInput): Promise<void> {
    await this.db
      .updateTable('departments')
      .set({
        code: department.code,
        name: department.name,
        parent_id: department.parentId,
        cost_center: department.costCenter,
        supervisor_group_id: department.supervisorGroupId,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Removes the department with this id; check `usage` first, the schema refuses it while rows point at it. */
  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('departments').where('id', '=', id).execute();
  }

  /** The users in the department and its direct sub-departments (its calls are the call repository's to say). */
  async usage(id: number): Promise<{ users: number; children: number }> {
    const users = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('department_id', '=', id)
      .executeTakeFirst();
    const children = await this.db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('parent_id', '=', id)
      .executeTakeFirst();
    return { users: Number(users?.count ?? 0), children: Number(children?.count ?? 0) };
  }
}

function toDepartment(row: Selectable<DepartmentTable>): Department {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    costCenter: row.cost_center,
    supervisorGroupId: row.supervisor_group_id,
  };
}
