import { alarmView } from '../backend/alarms/alarm-view.js';
import type { AlarmService } from '../backend/alarms/alarm.service.js';
import { LedgerlineError } from '../backend/domain/errors.js';
import type { Principal } from '../backend/domain/principal.js';
import type { AlarmView } from './cards/alarm-card.js';

/** The alarms the bot lists and acknowledges. */
export interface AlarmSource {
  /** Open alarms the person may see. */
  open(principal: Principal): Promise<AlarmView[]>;
  /** Acknowledges an alarm; `not-found` when there is no such alarm the person may see. */
  acknowledge(alarm: string, principal: Principal): Promise<AlarmView>;
  /** An alarm by id, for a card's refresh. */
  get(alarmId: number, principal: Principal): Promise<AlarmView | null>;
}

/** The most open alarms one card lists. */
const OPEN_ALARMS_SHOWN = 20;

/**
 * The alarm engine's alarms, as the person asking may see them: their own, their departments', or
 * all for an admin. "ack 12" and "ack #12" name alarm 12.
 */
export function alarmServiceSource(alarms: AlarmService): AlarmSource {
  return {
    open: async (principal) =>
      (await alarms.list(principal, { status: 'open', limit: OPEN_ALARMS_SHOWN })).map(alarmView),
    acknowledge: async (alarm, principal) => {
      const id = /^#?(\d{1,9})$/.exec(alarm.trim())?.[1];
      if (id === undefined)
        throw new LedgerlineError(
          'invalid-input',
          `"${alarm}" is not an alarm number: say, for example, ack 12`,
        );
      try {
        return alarmView(await alarms.acknowledge(principal, Number(id)));
      } catch (error) {
        if (error instanceof LedgerlineError && error.code === 'not-found')
          throw new LedgerlineError('not-found', `there is no alarm ${id} among those you may see`);
        throw error;
      }
    },
    get: async (alarmId, principal) => {
      const alarm = await alarms.get(principal, alarmId);
      return alarm ? alarmView(alarm) : null;
    },
  };
}
