import { z } from 'zod';
import type { DemoAuth } from '../auth/demo-sign-in.js';
import { LedgerlineError } from '../domain/errors.js';
import { defineRoute, json, type ApiRoute } from './api-route.js';
import { principalSchema, principalSummary } from './session-routes.js';

const signInSchema = z.object({
  role: z.enum(['employee', 'supervisor', 'admin']).describe('who to sign in as'),
  user: z
    .string()
    .min(3)
    .max(256)
    .optional()
    .describe('the UPN of a person of the demo company (else the role’s usual person)'),
});

const personaSchema = z.object({
  role: z.enum(['employee', 'supervisor', 'admin']),
  upn: z.string(),
  displayName: z.string(),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Demo mode's sign-in: pick a role (and a person) and get a token the server's own sign-in
 * accepts. These routes exist only when the server runs as `ledgerline demo`, which listens on
 * loopback only; each request is checked to have come in on loopback too.
 */
export function demoRoutes(demo: DemoAuth): ApiRoute[] {
  const onLoopback = (address: string | undefined) => {
    if (!address || !LOOPBACK.has(address))
      throw new LedgerlineError('forbidden', 'demo sign-in answers on this machine only');
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/demo/personas',
      summary: 'Demo mode: who each role signs in as',
      tag: 'demo',
      access: 'public',
      response: z.array(personaSchema),
      handle: async ({ request }) => {
        onLoopback(request.socket.localAddress);
        return json(await demo.defaultPersonas());
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/demo/sign-in',
      summary: 'Demo mode: sign in as an employee, a supervisor or an admin of the demo company',
      tag: 'demo',
      access: 'public',
      rateLimit: 'sign-in',
      body: signInSchema,
      response: z.object({ token: z.string(), expiresAt: z.string(), principal: principalSchema }),
      handle: async ({ body, request }) => {
        onLoopback(request.socket.localAddress);
        const result = await demo.signIn(
          body.user === undefined ? { role: body.role } : { role: body.role, user: body.user },
        );
        return json({
          token: result.token,
          expiresAt: new Date(result.expiresAt).toISOString(),
          principal: principalSummary(result.principal),
        });
      },
    }),
  ];
}
