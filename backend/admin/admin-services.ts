import type { Database } from '../db/database.js';
import { AuditTrail } from './audit-trail.js';
import { CarrierAdmin } from './carrier-admin.js';
import { DepartmentAdmin } from './department-admin.js';
import { RatingPreviewer } from './rating-preview.js';
import { RerateAdmin } from './rerate-admin.js';
import { RoutingAdmin } from './routing-admin.js';
import { SiteAdmin } from './site-admin.js';
import { TariffPlanAdmin } from './tariff-plan-admin.js';
import { UserAdmin } from './user-admin.js';

/** Every administration service on one database: what the admin API routes (and later the bot) call. */
export interface AdminServices {
  sites: SiteAdmin;
  departments: DepartmentAdmin;
  users: UserAdmin;
  carriers: CarrierAdmin;
  tariffPlans: TariffPlanAdmin;
  preview: RatingPreviewer;
  routing: RoutingAdmin;
  rerate: RerateAdmin;
  audit: AuditTrail;
}

/** The administration services on `database`. */
export function adminServices(database: Database): AdminServices {
  return {
    sites: new SiteAdmin(database),
    departments: new DepartmentAdmin(database),
    users: new UserAdmin(database),
    carriers: new CarrierAdmin(database),
    tariffPlans: new TariffPlanAdmin(database),
    preview: new RatingPreviewer(database),
    routing: new RoutingAdmin(database),
    rerate: new RerateAdmin(database),
    audit: new AuditTrail(database),
  };
}
