import { z } from 'zod';
import type { DepartmentAdmin } from '../../admin/department-admin.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf, codeSchema, guidSchema, idParams, nameSchema } from './admin-route-input.js';

const departmentFields = {
  code: codeSchema.describe('short code directory files name the department by, e.g. SALES-IT'),
  name: nameSchema(),
  parentId: z.number().int().positive().nullable().describe('the department it is part of; null at the top'),
  costCenter: z.string().trim().min(1).max(64).nullable().describe('cost center reports show; null if none'),
  supervisorGroupId: guidSchema
    .nullable()
    .describe('Entra ID group whose members supervise this department and those below it; null if none'),
};

const createDepartmentSchema = z.strictObject({
  ...departmentFields,
  parentId: departmentFields.parentId.default(null),
  costCenter: departmentFields.costCenter.default(null),
  supervisorGroupId: departmentFields.supervisorGroupId.default(null),
});

const updateDepartmentSchema = z.strictObject(departmentFields).partial();

const departmentSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  parentId: z.number().nullable(),
  costCenter: z.string().nullable(),
  supervisorGroupId: z.string().nullable(),
});

interface DepartmentTree extends z.infer<typeof departmentSchema> {
  children: DepartmentTree[];
}

const departmentTreeSchema: z.ZodType<DepartmentTree> = departmentSchema.extend({
  get children() {
    return z.array(departmentTreeSchema);
  },
});

/** Departments and their supervisor groups: list (flat or as a tree), get, create, change, delete. */
export function departmentRoutes(departments: DepartmentAdmin): ApiRoute[] {
  const tag = 'administration: departments';
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/departments',
      summary: 'Every department: flat with parentId, or as a tree of children',
      tag,
      access: 'admin',
      query: z.object({
        shape: z
          .enum(['flat', 'tree'])
          .default('flat')
          .describe('flat: a list by code with parentId; tree: top-level departments with their children'),
      }),
      response: z.union([z.array(departmentSchema), z.array(departmentTreeSchema)]),
      handle: async (input) => {
        const actor = actorOf(input);
        return json(
          input.query.shape === 'tree' ? await departments.tree(actor) : await departments.list(actor),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/departments/:id',
      summary: 'A department',
      tag,
      access: 'admin',
      params: idParams,
      response: departmentSchema,
      handle: async (input) => json(await departments.get(actorOf(input), input.params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/departments',
      summary: 'Add a department (409 if its code is taken)',
      tag,
      access: 'admin',
      body: createDepartmentSchema,
      response: departmentSchema,
      handle: async (input) => json(await departments.create(actorOf(input), input.body), 201),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/admin/departments/:id',
      summary:
        'Change the given fields of a department, its parent and supervisor group too (409 for a cycle)',
      tag,
      access: 'admin',
      params: idParams,
      body: updateDepartmentSchema,
      response: departmentSchema,
      handle: async (input) => json(await departments.update(actorOf(input), input.params.id, input.body)),
    }),
    defineRoute({
      method: 'del',
      path: '/api/v1/admin/departments/:id',
      summary: 'Delete a department (409 naming what still uses it: users, sub-departments, calls)',
      tag,
      access: 'admin',
      params: idParams,
      handle: async (input) => {
        await departments.remove(actorOf(input), input.params.id);
        return json(null, 204);
      },
    }),
  ];
}
