import type { WorkKind } from './demo-company.js';

/** The kinds of call a company makes only now and then, which call accounting must still get right. */
export type RareCallKind = 'emergency' | 'service' | 'satellite' | 'shared-cost';

/** A rare kind of call at a site: what is dialled, how often, by whom. */
export interface RareCall {
  kind: RareCallKind;
  /** Calls per ordinary business day of the whole site (a few a month at most). */
  perBusinessDay: number;
  /** What is dialled, as LcsCDR's ConnectedNumber shows it: short codes as dialled, others E.164. */
  numbers: readonly string[];
  /** Median talk time, seconds. */
  talkSec: number;
  unanswered: number;
  /** Who makes them, by kind of work; anyone at the site when absent. */
  callers?: readonly WorkKind[];
}

// Two ships the company charters, reached through Inmarsat (+870, no country of its own).
const VESSELS = ['+870773316052', '+870772590418'];

/**
 * The rare calls of a site in `country`: a handful of emergency calls (free, watched by alarms),
 * service short codes such as directory enquiries (the demo carriers' tariffs list none, so they
 * are stored unrated), calls to chartered ships over Inmarsat (a rate only Aurora has: London's are
 * unrated), and in Italy the 848 shared-cost numbers of banks and utilities.
 */
export const RARE_CALLS: Readonly<Record<string, readonly RareCall[]>> = {
  IT: [
    { kind: 'emergency', perBusinessDay: 0.03, numbers: ['112'], talkSec: 75, unanswered: 0.05 },
    // Directory enquiries, the road-traffic line, the public-health line.
    {
      kind: 'service',
      perBusinessDay: 0.1,
      numbers: ['1254', '1254', '1518', '1500'],
      talkSec: 80,
      unanswered: 0.1,
    },
    {
      kind: 'satellite',
      perBusinessDay: 0.08,
      numbers: VESSELS,
      talkSec: 150,
      unanswered: 0.3,
      callers: ['logistics', 'purchasing'],
    },
    {
      kind: 'shared-cost',
      perBusinessDay: 0.5,
      numbers: ['+39848800808', '+39848690690', '+39848582582', '+39848313131'],
      talkSec: 240,
      unanswered: 0.1,
      callers: ['finance', 'hr', 'it', 'reception'],
    },
  ],
  GB: [
    {
      kind: 'emergency',
      perBusinessDay: 0.03,
      numbers: ['999', '999', '999', '112'],
      talkSec: 75,
      unanswered: 0.05,
    },
    // Directory enquiries, the police's and the NHS's non-emergency lines, power cuts.
    {
      kind: 'service',
      perBusinessDay: 0.1,
      numbers: ['118118', '118500', '101', '111', '105'],
      talkSec: 90,
      unanswered: 0.1,
    },
    {
      kind: 'satellite',
      perBusinessDay: 0.06,
      numbers: VESSELS,
      talkSec: 150,
      unanswered: 0.3,
      callers: ['logistics', 'purchasing'],
    },
  ],
};
