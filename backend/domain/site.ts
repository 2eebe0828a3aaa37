import type { DialPlan } from './dial-plan.js';

/** A place calls are made from: its time zone decides local days and tariff bands. */
export interface Site {
  id: number;
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  dialPlan: DialPlan;
}
