import { adminAlarmStrings } from './strings/admin-alarm-strings';
import { adminDirectoryStrings } from './strings/admin-directory-strings';
import { adminRoutingStrings } from './strings/admin-routing-strings';
import { adminScheduleStrings } from './strings/admin-schedule-strings';
import { adminStrings } from './strings/admin-strings';
import { adminTariffStrings } from './strings/admin-tariff-strings';
import { alarmsStrings } from './strings/alarms-strings';
import { callsStrings } from './strings/calls-strings';
import { chartsStrings } from './strings/charts-strings';
import { commonStrings } from './strings/common-strings';
import { configStrings } from './strings/config-strings';
import { dashboardStrings } from './strings/dashboard-strings';
import { filtersStrings } from './strings/filters-strings';
import { shellStrings } from './strings/shell-strings';
import { signInStrings } from './strings/sign-in-strings';
import { statusStrings } from './strings/status-strings';

/** The languages the tab speaks; every other language gets English. */
export type Language = 'en' | 'it';

/** Every string of the tab, one area per file in `strings/`, each in English and Italian. */
const catalog = {
  common: commonStrings,
  shell: shellStrings,
  signIn: signInStrings,
  config: configStrings,
  filters: filtersStrings,
  charts: chartsStrings,
  dashboard: dashboardStrings,
  calls: callsStrings,
  alarms: alarmsStrings,
  status: statusStrings,
  admin: adminStrings,
  adminDirectory: adminDirectoryStrings,
  adminTariffs: adminTariffStrings,
  adminRouting: adminRoutingStrings,
  adminAlarms: adminAlarmStrings,
  adminSchedules: adminScheduleStrings,
};

type Catalog = typeof catalog;

/** The strings of one language. */
export type Strings = { [Area in keyof Catalog]: Catalog[Area]['en'] };

/** The language for a BCP 47 locale (`it-IT`, `it-CH` → Italian). */
export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/** The strings of a language. */
export function stringsFor(language: Language): Strings {
  const strings = {} as Record<string, unknown>;
  for (const [area, translations] of Object.entries(catalog)) strings[area] = translations[language];
  return strings as Strings;
}
