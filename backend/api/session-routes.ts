import { z } from 'zod';
import type { Principal } from '../domain/principal.js';
import { defineRoute, json, type ApiRoute } from './api-route.js';

/** What the tab learns about the person signed in: who they are, their role and what they see. */
export const principalSchema = z.object({
  displayName: z.string().nullable(),
  upn: z.string().nullable(),
  role: z.enum(['employee', 'supervisor', 'admin']),
  userId: z.number().nullable().describe('the directory user this person is, if known'),
  scope: z
    .enum(['all', 'departments', 'user', 'none'])
    .describe('everything (admin), their departments (supervisor), their own calls, or nothing yet'),
  departmentIds: z.array(z.number()).describe('the departments a supervisor sees, sub-departments included'),
});

/** The principal as the API shows it (no tenant or object ids). */
export function principalSummary(principal: Principal): z.output<typeof principalSchema> {
  return {
    displayName: principal.displayName,
    upn: principal.upn,
    role: principal.role,
    userId: principal.userId,
    scope: principal.scope.kind,
    departmentIds: principal.scope.kind === 'departments' ? [...principal.scope.departmentIds] : [],
  };
}

/** `GET /api/v1/me`: who the token signs in, so the tab shows what that role may use. */
export function sessionRoutes(): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/me',
      summary: 'Who is signed in: role and what they may see',
      tag: 'session',
      access: 'signed-in',
      response: principalSchema,
      handle: async ({ principal }) => json(principalSummary(principal as Principal)),
    }),
  ];
}
