import { z } from 'zod';
import { defineRoute, json, type ApiRoute } from '../backend/api/api-route.js';
import type { BotEndpoint } from './bot-adapter.js';

/** An activity as the Bot Connector posts it: JSON with a type; the SDK checks the rest. */
const activitySchema = z
  .looseObject({
    type: z.string().min(1),
    serviceUrl: z.string().optional(),
  })
  .describe('a Bot Framework activity (https://aka.ms/botSpecs-activitySchema)');

/**
 * `POST /api/messages`: the Bot Framework's endpoint on the same server. Not signed in with
 * Teams SSO: the Bot Framework token in `Authorization` is checked by the adapter (unless no
 * app id is configured, which only demo mode allows, on loopback).
 */
export function botRoutes(endpoint: BotEndpoint): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/messages',
      summary:
        'Bot Framework activities from Teams (the Bot Connector protocol), authenticated with a Bot Framework token',
      tag: 'bot',
      access: 'public',
      body: activitySchema,
      handle: async ({ body, request }) => {
        const answer = await endpoint.process(
          request.header('authorization'),
          body as Record<string, unknown>,
        );
        return json(answer.body ?? null, answer.status);
      },
    }),
  ];
}
