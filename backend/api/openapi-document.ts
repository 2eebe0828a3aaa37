import { z } from 'zod';
import type { ApiRoute } from './api-route.js';

/** The body of every error response. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('invalid-input, unauthenticated, forbidden, not-found, conflict, …'),
    message: z.string(),
    details: z.array(z.string()).optional(),
  }),
});

type JsonSchema = Record<string, unknown>;

/** The OpenAPI 3.1 path of a restify path: `/sites/:id` becomes `/sites/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/**
 * The OpenAPI 3.1 document of the routes, built from the same definitions the server registers:
 * paths, parameters and bodies from their zod schemas (as JSON Schema), who may call each, and
 * the error body every failure has.
 */
export function openApiDocument(routes: readonly ApiRoute[], info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const method = route.method === 'del' ? 'delete' : route.method;
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ledgerline API',
      version: info.version,
      description:
        'Call accounting for Microsoft Teams and Skype for Business: reports, calls and administration. ' +
        'Every route but the public ones takes a bearer token from Teams single sign-on.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { entraId: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: toJsonSchema(errorBodySchema, 'output') },
    },
    paths,
  };
}

function operation(route: ApiRoute): Record<string, unknown> {
  const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
  const errors = (statuses: number[]) =>
    Object.fromEntries(
      statuses.map((status) => [
        String(status),
        {
          description: ERROR_DESCRIPTIONS[status] ?? 'error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ]),
    );
  const success = route.produces
    ? {
        description: 'the file, streamed',
        content: Object.fromEntries(
          route.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        ),
      }
    : {
        description: 'success',
        content: {
          'application/json': { schema: route.response ? toJsonSchema(route.response, 'output') : {} },
        },
      };
  const statuses = [400, ...(route.access === 'public' ? [] : [401, 403]), 500];
  if (route.rateLimit) statuses.push(429);
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(route.access === 'public' ? { security: [] } : { security: [{ entraId: [] }] }),
    'x-ledgerline-access': route.access,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toJsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: { '200': success, ...errors(statuses) },
  };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'the input is not valid',
  401: 'no valid sign-in',
  403: 'signed in, but not allowed to see or change this',
  429: 'too many requests; try again later',
  500: 'the server failed',
};

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: withoutDescription(property),
  }));
}

function withoutDescription(schema: JsonSchema): JsonSchema {
  const { description: _description, ...rest } = schema;
  return rest;
}

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}
