import type { NewAlarm } from '../db/alarm.repository.js';
import type { Repositories } from '../db/repositories.js';
import { alarmMessages } from './alarm-recipients.js';
import type { AlarmRule } from './alarm-rule.js';

/** An alarm a rule wants raised: everything but the rule and the time. */
export type AlarmCandidate = Omit<NewAlarm, 'ruleId' | 'raisedAt'>;

/**
 * Raises a rule's alarms with the repositories of the caller's transaction: each is written unless
 * its rule, subject and window have one already, and a new one gets its outbox messages in the
 * same transaction. Returns the ids of the alarms that are new.
 */
export async function raiseAlarms(
  repos: Repositories,
  rule: AlarmRule,
  candidates: readonly AlarmCandidate[],
  now: number,
): Promise<number[]> {
  const raised: number[] = [];
  for (const candidate of candidates) {
    const id = await repos.alarms.raise({ ...candidate, ruleId: rule.id, raisedAt: now });
    if (id === null) continue;
    raised.push(id);
    await repos.outbox.enqueue(
      await alarmMessages(repos, rule.recipients, {
        alarmId: id,
        userId: candidate.userId,
        departmentId: candidate.departmentId,
      }),
    );
  }
  return raised;
}
