import type { Role, Scope } from './role.js';

/**
 * Who is calling, as sign-in established it, and what they may see: the one value every API
 * route, bot command and scheduled report passes to the services, which apply `scope` in SQL.
 */
export interface Principal {
  /** Entra ID object id (`oid`) of the person. */
  objectId: string;
  /** Entra ID tenant (`tid`). */
  tenantId: string;
  /** UPN or preferred user name, lower case, when the token carries one. */
  upn: string | null;
  displayName: string | null;
  role: Role;
  /** The directory user this person is (by Entra object id, else UPN), or null if unknown. */
  userId: number | null;
  /** Departments this person supervises, sub-departments included (empty unless supervisor). */
  supervisedDepartmentIds: readonly number[];
  /** The rows this person may see: all (admin), their departments (supervisor), their own. */
  scope: Scope;
}
