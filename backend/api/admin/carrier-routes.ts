import { z } from 'zod';
import type { CarrierAdmin } from '../../admin/carrier-admin.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf, idParams, nameSchema } from './admin-route-input.js';

const carrierFields = {
  code: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be letters, digits, ".", "_" or "-" (at most 40)')
    .describe('the code tariff files name the carrier by, e.g. telco-it'),
  name: nameSchema(),
};

const carrierSchema = z.object({ id: z.number(), code: z.string(), name: z.string() });

/** Carriers: list, create, change, delete. */
export function carrierRoutes(carriers: CarrierAdmin): ApiRoute[] {
  const tag = 'administration: carriers';
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/carriers',
      summary: 'Every carrier',
      tag,
      access: 'admin',
      response: z.array(carrierSchema),
      handle: async (input) => json(await carriers.list(actorOf(input))),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/carriers',
      summary: 'Add a carrier (409 if its code is taken)',
      tag,
      access: 'admin',
      body: z.strictObject(carrierFields),
      response: carrierSchema,
      handle: async (input) => json(await carriers.create(actorOf(input), input.body), 201),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/admin/carriers/:id',
      summary: 'Change a carrier’s code or name',
      tag,
      access: 'admin',
      params: idParams,
      body: z.strictObject(carrierFields).partial(),
      response: carrierSchema,
      handle: async (input) => json(await carriers.update(actorOf(input), input.params.id, input.body)),
    }),
    defineRoute({
      method: 'del',
      path: '/api/v1/admin/carriers/:id',
      summary: 'Delete a carrier (409 naming what still uses it: tariff plans, routing rules, calls)',
      tag,
      access: 'admin',
      params: idParams,
      handle: async (input) => {
        await carriers.remove(actorOf(input), input.params.id);
        return json(null, 204);
      },
    }),
  ];
}
