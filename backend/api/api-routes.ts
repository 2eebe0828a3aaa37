import type { DemoAuth } from '../auth/demo-sign-in.js';
import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { AlarmService } from '../alarms/alarm.service.js';
import { ReportService } from '../reports/report.service.js';
import type { ScheduleRunner } from '../schedules/report-schedule-admin.js';
import { adminRoutes } from './admin-routes.js';
import { alarmRoutes } from './alarm-routes.js';
import type { ApiRoute } from './api-route.js';
import { demoRoutes } from './demo-routes.js';
import { reportRoutes } from './report-routes.js';
import { sessionRoutes } from './session-routes.js';

/** What the API's routes are built on. */
export interface ApiServices {
  database: Database;
  /** Trailing digits of called numbers hidden from those who may not see them. */
  maskDigits: number;
  /** Demo mode's sign-in; its routes exist only when it is given. */
  demo: DemoAuth | null;
  /** The admin group of the sign-in configuration: alarm rules that alert admins send to it. */
  adminGroupId?: string | null;
  /** The server's report scheduler, for an admin's "send now" of a scheduled report. */
  reportScheduler?: ScheduleRunner | null;
}

/** Every `/api/v1` route beyond the system ones: session, reports, calls, alarms, administration, demo. */
export function apiRoutes(services: ApiServices): ApiRoute[] {
  return [
    ...sessionRoutes(),
    ...reportRoutes(
      new ReportService(repositoriesFor(services.database.kysely, services.database), {
        maskedDigits: services.maskDigits,
      }),
    ),
    ...adminRoutes({
      database: services.database,
      reportScheduler: services.reportScheduler ?? null,
      adminGroupId: services.adminGroupId ?? null,
    }),
    ...alarmRoutes(new AlarmService(services.database)),
    ...(services.demo ? demoRoutes(services.demo) : []),
  ];
}
