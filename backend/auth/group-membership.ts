import { LRUCache } from 'lru-cache';
import { LedgerlineError } from '../domain/errors.js';
import type { AccessTokenClaims } from './access-token-validator.js';
import { AUTH_ENV_VARIABLES, type AuthConfig } from './auth-config.js';
import type { GraphMemberGroups } from './graph-member-groups.js';
import type { GraphTokenSource } from './graph-token-source.js';

/** How Graph is reached when tokens leave the groups out. */
export interface GraphAccess {
  tokens: GraphTokenSource;
  memberGroups: GraphMemberGroups;
}

/** Options of GroupMembership. */
export interface GroupMembershipOptions {
  /** Graph, when a client secret is configured; without it only token claims count. */
  graph: GraphAccess | null;
  /** Milliseconds for the cache's time to live (tests move it); the system clock otherwise. */
  clock?: () => number;
}

type GraphQuery = { userAccessToken: string | null; candidates: readonly string[] };

/**
 * Which role-giving groups a person is in: the token's `groups` claim (plus groups that app roles
 * stand for), or — when the claim is absent or in overage — Graph `checkMemberGroups` on behalf of
 * the person, cached per object id for `roleCacheSeconds`.
 */
export class GroupMembership {
  private readonly cache: LRUCache<string, string[], GraphQuery> | null;

  constructor(
    private readonly config: AuthConfig,
    private readonly options: GroupMembershipOptions,
  ) {
    this.cache =
      config.roleCacheSeconds === 0
        ? null
        : new LRUCache<string, string[], GraphQuery>({
            max: 10_000,
            ttl: config.roleCacheSeconds * 1000,
            fetchMethod: (objectId, _stale, { context }) => this.askGraph(objectId, context),
            ...(options.clock ? { perf: { now: options.clock } } : {}),
          });
  }

  /** The candidate groups (lower-case ids) a signed-in person is in, per their token. */
  async ofToken(
    claims: AccessTokenClaims,
    accessToken: string,
    candidates: readonly string[],
  ): Promise<Set<string>> {
    const fromRoles = this.groupsOfAppRoles(claims.roles);
    if (claims.groups !== null) return new Set([...claims.groups, ...fromRoles]);
    if (!this.options.graph) {
      if (!claims.groupsOverage) return new Set(fromRoles);
      throw new LedgerlineError(
        'configuration',
        `the token's groups did not fit in it; set ${AUTH_ENV_VARIABLES.clientSecret} so Ledgerline can ask Graph`,
      );
    }
    return new Set([...(await this.fromGraph(claims.objectId, accessToken, candidates)), ...fromRoles]);
  }

  /** The candidate groups a person (by object id) is in, asked with the app's own permissions. */
  async ofObjectId(objectId: string, candidates: readonly string[]): Promise<Set<string>> {
    if (!this.options.graph)
      throw new LedgerlineError(
        'configuration',
        `asking Graph for groups needs ${AUTH_ENV_VARIABLES.clientSecret}`,
      );
    return new Set(await this.fromGraph(objectId.toLowerCase(), null, candidates));
  }

  private groupsOfAppRoles(roles: readonly string[]): string[] {
    return roles.flatMap((role) => {
      const group = this.config.appRoles[role];
      return group ? [group.toLowerCase()] : [];
    });
  }

  private async fromGraph(
    objectId: string,
    userAccessToken: string | null,
    candidates: readonly string[],
  ): Promise<string[]> {
    if (candidates.length === 0) return [];
    const context = { userAccessToken, candidates };
    if (!this.cache) return this.askGraph(objectId, context);
    // fetch() also joins concurrent requests for the same person into one Graph call.
    return (await this.cache.fetch(objectId, { context })) ?? [];
  }

  private async askGraph(objectId: string, query: GraphQuery): Promise<string[]> {
    const graph = this.options.graph as GraphAccess;
    const token =
      query.userAccessToken === null
        ? await graph.tokens.appOnly()
        : await graph.tokens.onBehalfOf(query.userAccessToken);
    return graph.memberGroups.check(token, objectId, query.candidates);
  }
}
