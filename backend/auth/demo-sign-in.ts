import { createHash } from 'node:crypto';
import type { Department } from '../domain/department.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import type { Role } from '../domain/role.js';
import type { User } from '../domain/user.js';
import { AUTH_ENV_VARIABLES, parseAuthConfig, type AuthConfig } from './auth-config.js';
import { createAuthenticator, type Authenticator, type DirectoryRepositories } from './authenticator.js';
import { DemoSigner } from './demo-signer.js';

/** The demo's made-up Entra ID tenant. */
export const DEMO_TENANT_ID = 'c0de0000-d3e0-4a11-8b2c-00000000de70';
/** The demo's made-up app registration (the audience of demo tokens). */
export const DEMO_CLIENT_ID = 'c0de0000-d3e0-4a11-8b2c-0000000c11e7';

/** Sign-in settings of demo mode when none are configured: the demo tenant and app, an admin group. */
export function demoAuthConfig(adminGroupId: string): AuthConfig {
  return parseAuthConfig({ tenantId: DEMO_TENANT_ID, clientId: DEMO_CLIENT_ID, adminGroupId });
}

/** The roles one can sign in as in the demo. */
export const DEMO_ROLES: readonly Role[] = ['employee', 'supervisor', 'admin'];

/** What the demo sign-in page asks for: a role, and optionally whom (by UPN). */
export interface DemoSignInRequest {
  role: Role;
  user?: string;
}

/** The token the tab sends as `Authorization: Bearer`, when it expires, and who it makes you. */
export interface DemoSignInResult {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  principal: Principal;
}

/** Who one signs in as by default for a role. */
export interface DemoPersona {
  role: Role;
  upn: string;
  displayName: string;
}

/** Demo mode's sign-in: the Authenticator every route uses, and the sign-in the demo page calls. */
export interface DemoAuth {
  /** Accepts the tenant's tokens and the demo signer's. */
  authenticator: Authenticator;
  signer: DemoSigner;
  signIn(request: DemoSignInRequest): Promise<DemoSignInResult>;
  /** Who each role signs in as when no user is named. */
  defaultPersonas(): Promise<DemoPersona[]>;
}

/** Options of createDemoAuth. */
export interface DemoAuthOptions {
  /** UPN to sign in as per role when none is named (else picked from the directory). */
  defaults?: Partial<Record<Role, string>>;
  clock?: () => number;
}

/**
 * Sign-in for demo mode only (the route must also be on loopback only): tokens from a DemoSigner
 * for a person of the directory with the groups of the chosen role, checked by the same
 * Authenticator as real ones.
 */
export async function createDemoAuth(
  config: AuthConfig,
  directory: DirectoryRepositories,
  options: DemoAuthOptions = {},
): Promise<DemoAuth> {
  const signer = await DemoSigner.create(config);
  const authenticator = createAuthenticator(config, directory, {
    extraKeys: signer.jwks,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const now = options.clock ?? Date.now;
  const personas = new DemoPersonas(directory, options.defaults ?? {});

  return {
    authenticator,
    signer,
    async signIn(request) {
      if (!DEMO_ROLES.includes(request.role))
        throw new LedgerlineError('invalid-input', `role must be one of ${DEMO_ROLES.join(', ')}`);
      const user = request.user
        ? await personas.named(request.user)
        : await personas.defaultFor(request.role);
      const groups = await groupsFor(request.role, user, config, directory);
      const { token, expiresAt } = await signer.sign(
        {
          objectId: user.entraObjectId?.toLowerCase() ?? madeUpObjectId(user.upn as string),
          upn: user.upn as string,
          displayName: user.displayName,
          groups,
        },
        now(),
      );
      const principal = await authenticator.authenticate(`Bearer ${token}`);
      return { token, expiresAt, principal };
    },
    async defaultPersonas() {
      const result: DemoPersona[] = [];
      for (const role of DEMO_ROLES) {
        const user = await personas.defaultFor(role);
        result.push({ role, upn: user.upn as string, displayName: user.displayName });
      }
      return result;
    },
  };
}

/** The groups a demo token carries for the role. */
async function groupsFor(
  role: Role,
  user: User,
  config: AuthConfig,
  directory: DirectoryRepositories,
): Promise<string[]> {
  if (role === 'employee') return [];
  if (role === 'admin') {
    if (!config.adminGroupId)
      throw new LedgerlineError(
        'configuration',
        `signing in as admin needs ${AUTH_ENV_VARIABLES.adminGroupId}`,
      );
    return [config.adminGroupId];
  }
  const department = (await directory.departments.list()).find(
    (candidate) => candidate.id === user.departmentId,
  );
  if (!department)
    throw new LedgerlineError('invalid-input', `${user.upn} is in no department, so supervises none`);
  if (!department.supervisorGroupId)
    throw new LedgerlineError(
      'invalid-input',
      `${user.upn} is in ${department.name}, which has no supervisor group: choose someone of a department with one`,
    );
  return [department.supervisorGroupId];
}

/** Finds the people to sign in as: named, configured per role, or picked from the directory. */
class DemoPersonas {
  constructor(
    private readonly directory: DirectoryRepositories,
    private readonly defaults: Partial<Record<Role, string>>,
  ) {}

  async named(upn: string): Promise<User> {
    const user = await this.directory.users.findByUpn(upn.trim());
    if (!user) throw new LedgerlineError('not-found', `no user ${upn.trim()} in the directory`);
    return user;
  }

  async defaultFor(role: Role): Promise<User> {
    const configured = this.defaults[role];
    if (configured) return this.named(configured);
    if (role === 'supervisor') return this.supervisor();
    const employee = await this.anyone([]);
    if (role === 'employee') return employee;
    // The admin: someone else than the employee and the supervisor, so the three differ.
    const supervisor = await this.supervisor().catch(() => undefined);
    return this.anyone([employee.id, ...(supervisor ? [supervisor.id] : [])]);
  }

  /** Someone of the supervised department with the most departments below it. */
  private async supervisor(): Promise<User> {
    const departments = await this.directory.departments.list();
    const supervised = departments
      .filter((department) => department.supervisorGroupId)
      .sort(
        (a, b) => descendants(departments, b) - descendants(departments, a) || a.code.localeCompare(b.code),
      );
    if (supervised.length === 0)
      throw new LedgerlineError(
        'not-found',
        'no department has a supervisor group (departments.supervisor_group_id), so nobody can sign in as supervisor',
      );
    for (const department of supervised) {
      const user =
        (await this.directory.users.findFirstWithCalls({ departmentIds: [department.id] })) ??
        (await this.namedUsers()).find((candidate) => candidate.departmentId === department.id);
      if (user) return user;
    }
    throw new LedgerlineError('not-found', 'no department with a supervisor group has people');
  }

  private async anyone(exceptUserIds: readonly number[]): Promise<User> {
    const user =
      (await this.directory.users.findFirstWithCalls({ exceptUserIds })) ??
      (await this.namedUsers()).find((candidate) => !exceptUserIds.includes(candidate.id)) ??
      (await this.namedUsers())[0];
    if (!user)
      throw new LedgerlineError('not-found', 'the directory has nobody to sign in as: import it first');
    return user;
  }

  private async namedUsers(): Promise<User[]> {
    return (await this.directory.users.list()).filter((user) => !user.anonymous && user.upn !== null);
  }
}

function descendants(departments: readonly Department[], root: Department): number {
  const found = new Set<number>();
  const pending = [root.id];
  while (pending.length > 0) {
    const id = pending.pop() as number;
    for (const child of departments) {
      if (child.parentId !== id || found.has(child.id) || child.id === root.id) continue;
      found.add(child.id);
      pending.push(child.id);
    }
  }
  return found.size;
}

/** A stable object id for a person the directory knows without one (a UUID made from the UPN). */
export function madeUpObjectId(upn: string): string {
  const hex = createHash('sha256').update(`ledgerline-demo:${upn.toLowerCase()}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
