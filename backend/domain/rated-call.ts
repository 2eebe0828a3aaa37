import type { Direction, Party } from './call-record.js';
import type { DestinationClass } from './destination-class.js';
import type { Micro } from './money.js';

/** How a call's cost was decided: priced by a rate, not priced (with why), or free by policy. */
export type RatingStatus = 'rated' | 'unrated' | 'free';

/** A call as the miner stores it: the CallRecord plus who, where, which carrier and what it cost. */
export interface RatedCall {
  source: string;
  sourceId: string;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number;
  durationSec: number;
  ringSec: number;
  direction: Direction;
  answered: boolean;
  responseCode: number | null;
  caller: Party;
  callee: Party;
  trunk: string | null;
  sourceSite: string | null;
  callerNormalized: string | null;
  calleeNormalized: string | null;
  userId: number | null;
  departmentId: number | null;
  siteId: number | null;
  carrierId: number | null;
  planId: number | null;
  rateId: number | null;
  destNumber: string | null;
  destClass: DestinationClass;
  destCountry: string | null;
  label: string | null;
  cost: Micro;
  currency: string | null;
  billedSec: number;
  ratingStatus: RatingStatus;
  ratingReason: string | null;
  /** YYYYMMDD in the site's time zone. */
  localDay: number;
  localHour: number;
  localWeekday: number;
}

/** A stored call, with its row id and where it came from. */
export interface StoredCall extends RatedCall {
  id: number;
  spoolFileId: number | null;
  minedAt: number;
}
