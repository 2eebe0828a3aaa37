import { z } from 'zod';
import type { UserAdmin } from '../../admin/user-admin.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf, guidSchema, idParams, idSchema, nameSchema } from './admin-route-input.js';

const userFields = {
  upn: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'is not a user principal name (user@domain)')
    .max(256)
    .describe('user principal name, e.g. anna.rossi@contoso.com (kept in lower case)'),
  displayName: nameSchema(256),
  entraObjectId: guidSchema.nullable().describe('Entra ID object id: how a signed-in person is recognized'),
  sipUri: z
    .string()
    .trim()
    .regex(/^(sip:)?[^\s@]+@[^\s@]+$/i, 'is not a SIP URI (sip:user@domain)')
    .max(256)
    .nullable()
    .describe('SIP address the PBX records calls with; "sip:" is added if missing'),
  departmentId: z.number().int().positive().nullable().describe('department calls are charged to'),
  siteId: z.number().int().positive().nullable().describe('home site'),
};

const createUserSchema = z.strictObject({
  ...userFields,
  entraObjectId: userFields.entraObjectId.default(null),
  sipUri: userFields.sipUri.default(null),
  departmentId: userFields.departmentId.default(null),
  siteId: userFields.siteId.default(null),
});

const updateUserSchema = z.strictObject(userFields).partial();

const numberSchema = z.object({
  id: z.number(),
  userId: z.number(),
  siteId: z.number(),
  kind: z.enum(['e164', 'extension']),
  number: z.string(),
});

const userSchema = z.object({
  id: z.number(),
  upn: z.string().nullable(),
  displayName: z.string(),
  entraObjectId: z.string().nullable(),
  sipUri: z.string().nullable(),
  departmentId: z.number().nullable(),
  siteId: z.number().nullable(),
  anonymous: z
    .boolean()
    .describe('made by the miner for a number or address nobody had; named by giving it a UPN'),
});

const userWithNumbersSchema = userSchema.extend({ numbers: z.array(numberSchema) });

const addNumberSchema = z.strictObject({
  siteId: z.number().int().positive().describe('the site the number or extension is at'),
  number: z
    .string()
    .transform((text) => text.replace(/[\s().-]/g, ''))
    .refine((text) => /^\+[1-9]\d{5,14}$/.test(text) || /^\d{1,8}$/.test(text), {
      message: 'must be an E.164 number (+ and 6 to 15 digits) or an extension (1 to 8 digits)',
    })
    .describe('E.164 number (+390212345678) or an extension in the site’s ranges (2001)'),
  reassign: z
    .boolean()
    .default(false)
    .describe('take the number from the user who has it now; without it, that is a 409'),
});

/** Users and their numbers: list (paged, searchable), get, create, change, delete; add and remove numbers. */
export function userRoutes(users: UserAdmin): ApiRoute[] {
  const tag = 'administration: users';
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/users',
      summary: 'Users by display name, a page at a time, optionally searched by name or UPN',
      tag,
      access: 'admin',
      query: z.object({
        search: z.string().trim().min(1).max(100).optional().describe('part of the display name or UPN'),
        offset: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: z.object({ users: z.array(userSchema), total: z.number().describe('users matching in all') }),
      handle: async (input) => json(await users.list(actorOf(input), input.query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/users/:id',
      summary: 'A user with their numbers and extensions',
      tag,
      access: 'admin',
      params: idParams,
      response: userWithNumbersSchema,
      handle: async (input) => json(await users.get(actorOf(input), input.params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/users',
      summary: 'Add a user (409 if another has the UPN, SIP address or Entra object id)',
      tag,
      access: 'admin',
      body: createUserSchema,
      response: userWithNumbersSchema,
      handle: async (input) => json(await users.create(actorOf(input), input.body), 201),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/admin/users/:id',
      summary: 'Change the given fields of a user (an anonymous user is named by giving it a UPN)',
      tag,
      access: 'admin',
      params: idParams,
      body: updateUserSchema,
      response: userWithNumbersSchema,
      handle: async (input) => json(await users.update(actorOf(input), input.params.id, input.body)),
    }),
    defineRoute({
      method: 'del',
      path: '/api/v1/admin/users/:id',
      summary: 'Delete a user and their numbers (409 while calls are charged to them)',
      tag,
      access: 'admin',
      params: idParams,
      handle: async (input) => {
        await users.remove(actorOf(input), input.params.id);
        return json(null, 204);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/users/:id/numbers',
      summary:
        'Give a user an E.164 number or a site extension (409 if another user has it, unless reassign)',
      tag,
      access: 'admin',
      params: idParams,
      body: addNumberSchema,
      response: numberSchema,
      handle: async (input) => json(await users.addNumber(actorOf(input), input.params.id, input.body), 201),
    }),
    defineRoute({
      method: 'del',
      path: '/api/v1/admin/users/:id/numbers/:numberId',
      summary: 'Take a number or extension away from a user',
      tag,
      access: 'admin',
      params: z.object({ id: idSchema.describe('the user'), numberId: idSchema.describe('the number’s id') }),
      handle: async (input) => {
        await users.removeNumber(actorOf(input), input.params.id, input.params.numberId);
        return json(null, 204);
      },
    }),
  ];
}
