import { adminServices, type AdminServices } from '../admin/admin-services.js';
import { AlarmRuleAdmin } from '../alarms/alarm-rule-admin.js';
import type { Database } from '../db/database.js';
import type { ApiRoute } from './api-route.js';
import { alarmRuleRoutes } from './admin/alarm-rule-routes.js';
import { auditRoutes } from './admin/audit-routes.js';
import { carrierRoutes } from './admin/carrier-routes.js';
import { departmentRoutes } from './admin/department-routes.js';
import { rerateRoutes } from './admin/rerate-routes.js';
import { routingRuleRoutes } from './admin/routing-rule-routes.js';
import { siteRoutes } from './admin/site-routes.js';
import { tariffPlanRoutes } from './admin/tariff-plan-routes.js';
import { userRoutes } from './admin/user-routes.js';
import { reportScheduleRoutes } from './admin/report-schedule-routes.js';
import { ReportScheduleAdmin, type ScheduleRunner } from '../schedules/report-schedule-admin.js';

/** What the administration routes work on: the billing database, or services already made on it. */
export interface AdminRouteDependencies {
  database: Database;
  /** The services to call; made on `database` when not given. */
  services?: AdminServices;
  /** The admin group of the sign-in configuration, stored with alarm rules that alert admins. */
  adminGroupId?: string | null;
  /** The server's report scheduler, for "send now"; without it that route answers 503. */
  reportScheduler?: ScheduleRunner | null;
}

/**
 * Every administration route under /api/v1/admin (admins only): sites, departments, users and
 * their numbers, carriers, tariff plans and rate decks, the rating preview, routing rules,
 * re-rating, the audit log and scheduled reports. Each change is written to the audit log with who made it.
 */
export function adminRoutes(deps: AdminRouteDependencies): ApiRoute[] {
  const services = deps.services ?? adminServices(deps.database);
  return [
    ...siteRoutes(services.sites),
    ...departmentRoutes(services.departments),
    ...userRoutes(services.users),
    ...carrierRoutes(services.carriers),
    ...tariffPlanRoutes(services.tariffPlans, services.preview),
    ...routingRuleRoutes(services.routing),
    ...rerateRoutes(services.rerate),
    ...auditRoutes(services.audit),
    ...alarmRuleRoutes(new AlarmRuleAdmin(deps.database, deps.adminGroupId ?? null)),
    ...reportScheduleRoutes(new ReportScheduleAdmin(deps.database, deps.reportScheduler ?? null)),
  ];
}
