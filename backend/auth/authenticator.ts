import type { JSONWebKeySet } from 'jose';
import type { Repositories } from '../db/repositories.js';
import type { Principal } from '../domain/principal.js';
import type { Scope } from '../domain/role.js';
import { AccessTokenValidator, bearerToken } from './access-token-validator.js';
import type { AuthConfig } from './auth-config.js';
import { GraphMemberGroups } from './graph-member-groups.js';
import { GraphTokenSource } from './graph-token-source.js';
import { GroupMembership } from './group-membership.js';
import { assignRole, roleGroupIds } from './role-assignment.js';

/** The directory the Authenticator reads: who people are and which departments they supervise. */
export type DirectoryRepositories = Pick<Repositories, 'users' | 'departments'>;

/** Who a person is, as the token (or the bot's activity) names them. */
export interface PersonIdentity {
  objectId: string;
  tenantId: string;
  upn: string | null;
  displayName: string | null;
}

/** Options of createAuthenticator. */
export interface AuthenticatorOptions {
  /** Signing keys trusted besides the tenant's: only the demo signer's, only in demo mode. */
  extraKeys?: JSONWebKeySet;
  /** Clock of the role cache, in milliseconds (tests move it). */
  clock?: () => number;
}

/**
 * Turns an `Authorization` header into the Principal every service takes: the token validated,
 * the person's groups (token or Graph), their role, directory user and Scope.
 */
export class Authenticator {
  constructor(
    private readonly config: AuthConfig,
    private readonly validator: AccessTokenValidator,
    private readonly membership: GroupMembership,
    private readonly directory: DirectoryRepositories,
  ) {}

  /**
   * The Principal of a request. A missing or invalid token is an AuthenticationError (401; its
   * `reason` and `detail` say which check failed, for the log); Entra ID or Graph out of reach is
   * `unavailable`.
   */
  async authenticate(authorizationHeader: string | undefined): Promise<Principal> {
    const token = bearerToken(authorizationHeader);
    const claims = await this.validator.validate(token);
    return this.principalOf(claims, (candidates) => this.membership.ofToken(claims, token, candidates));
  }

  /**
   * The Principal of a person known only by object id (e.g. from a bot activity), their groups
   * asked of Graph with the app's own permissions.
   */
  async principalFor(person: Omit<PersonIdentity, 'tenantId'>): Promise<Principal> {
    return this.principalOf({ ...person, tenantId: this.config.tenantId }, (candidates) =>
      this.membership.ofObjectId(person.objectId, candidates),
    );
  }

  private async principalOf(
    person: PersonIdentity,
    groupsAmong: (candidates: readonly string[]) => Promise<Set<string>>,
  ): Promise<Principal> {
    const departments = await this.directory.departments.list();
    const groups = await groupsAmong(roleGroupIds(this.config.adminGroupId, departments));
    const assignment = assignRole(groups, this.config.adminGroupId, departments);
    const supervisedDepartmentIds =
      assignment.role === 'supervisor'
        ? await this.directory.departments.withDescendants(assignment.supervisedDepartmentIds)
        : [];
    const user =
      (await this.directory.users.findByEntraObjectId(person.objectId)) ??
      (person.upn ? await this.directory.users.findByUpn(person.upn) : undefined);
    const userId = user?.id ?? null;
    return {
      objectId: person.objectId.toLowerCase(),
      tenantId: person.tenantId.toLowerCase(),
      upn: person.upn?.toLowerCase() ?? null,
      displayName: person.displayName ?? user?.displayName ?? null,
      role: assignment.role,
      userId,
      supervisedDepartmentIds,
      scope: scopeOf(assignment.role, supervisedDepartmentIds, userId),
    };
  }
}

/**
 * An Authenticator for the configured tenant. Graph is asked for groups only when a client
 * secret is configured; `extraKeys` is for demo mode only.
 */
export function createAuthenticator(
  config: AuthConfig,
  directory: DirectoryRepositories,
  options: AuthenticatorOptions = {},
): Authenticator {
  const graph = config.clientSecret
    ? { tokens: new GraphTokenSource(config), memberGroups: new GraphMemberGroups(config.graphUrl) }
    : null;
  return new Authenticator(
    config,
    new AccessTokenValidator(config, options.extraKeys ? { extraKeys: options.extraKeys } : {}),
    new GroupMembership(config, { graph, ...(options.clock ? { clock: options.clock } : {}) }),
    directory,
  );
}

function scopeOf(role: Principal['role'], departmentIds: readonly number[], userId: number | null): Scope {
  if (role === 'admin') return { kind: 'all' };
  if (role === 'supervisor') return { kind: 'departments', departmentIds };
  return userId === null ? { kind: 'none' } : { kind: 'user', userId };
}
