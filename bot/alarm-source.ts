import { LedgerlineError } from '../backend/domain/errors.js';
import type { Principal } from '../backend/domain/principal.js';
import type { AlarmView } from './cards/alarm-card.js';

/** The alarms the bot lists and acknowledges; the alarm engine provides the real one. */
export interface AlarmSource {
  /** Open alarms the person may see. */
  open(principal: Principal): Promise<AlarmView[]>;
  /** Acknowledges an alarm; `not-found` when there is no such alarm the person may see. */
  acknowledge(alarm: string, principal: Principal): Promise<AlarmView>;
  /** An alarm by id, for a card's refresh. */
  get(alarmId: number, principal: Principal): Promise<AlarmView | null>;
}

/** Alarms before the alarm engine exists: none open, and none to acknowledge. */
export const NO_ALARMS: AlarmSource = {
  open: async () => [],
  acknowledge: async (alarm) => {
    throw new LedgerlineError(
      'not-found',
      `there is no alarm ${alarm}: no alarm rules are running yet, so no alarm has been raised`,
    );
  },
  get: async () => null,
};
