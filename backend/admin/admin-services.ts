import type { Database } from '../db/database.js';
import { DepartmentAdmin } from './department-admin.js';
import { SiteAdmin } from './site-admin.js';
import { UserAdmin } from './user-admin.js';

/** Every administration service on one database: what the admin API routes (and later the bot) call. */
export interface AdminServices {
  sites: SiteAdmin;
  departments: DepartmentAdmin;
  users: UserAdmin;
}

/** The administration services on `database`. */
export function adminServices(database: Database): AdminServices {
  return {
    sites: new SiteAdmin(database),
    departments: new DepartmentAdmin(database),
    users: new UserAdmin(database),
  };
}
