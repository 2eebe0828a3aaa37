import { encodeCalls, type CallBatch } from '../db/call-batch.js';
import type { Reject } from '../db/reject.repository.js';
import { RollupAccumulator, type RollupDelta } from '../db/rollup.repository.js';
import type { CallRecord } from '../domain/call-record.js';
import type { RatedCall } from '../domain/rated-call.js';
import type { User, UserNumber } from '../domain/user.js';
import { mineCallRecord, type MiningTables, type UnknownParty } from './call-record-miner.js';
import { readSpoolLines } from './spool-lines.js';
import { readSpoolRecord } from './spool-record.js';

/**
 * The mined calls of a stretch of a spool file, in line order, as row values (CALL_COLUMNS), and
 * the lines rejected. `rollups` carries rollup deltas summed over many batches, counting every call
 * as new: it is empty except when the producer's buffer is full and in the last batch.
 */
export interface MinedBatch {
  /** The calls, laid out for crossing threads (see CallBatch). */
  calls: CallBatch;
  rollups: RollupDelta[];
  rejects: Reject[];
  /** Lines read so far, and bytes, for progress. */
  lines: number;
  bytesRead: number;
}

/** An anonymous user made for an unknown party, and the number it was given (none for a SIP address). */
export interface CreatedUser {
  user: User;
  number: UserNumber | null;
}

/** Creates anonymous users for unknown parties, in the writing transaction. */
export type CreateUsers = (parties: UnknownParty[]) => Promise<CreatedUser[]>;

const REJECT_RAW_LIMIT = 4_000;
/** Rollup keys the producer holds before handing them over, to bound its memory. */
const ROLLUP_KEYS_HELD = 200_000;

/**
 * Reads a spool file and mines it in batches of `batchSize` records. Parties nobody is are
 * gathered per batch, created in one call to `createUsers`, added to the directory, and their
 * calls mined again: the same anonymous users, in the same order, however the work is split.
 */
export async function* mineBatches(
  source: { path: string; fileName: string; fileId: number; minedAt: number; batchSize: number },
  tables: MiningTables,
  createUsers: CreateUsers,
): AsyncGenerator<MinedBatch> {
  const { path, fileName, batchSize } = source;
  // Rollup deltas of the whole file, handed over when there are many or at the end: a file's calls
  // fall on the same days, users and destinations again and again, so each key is written once.
  const rollups = new RollupAccumulator();
  const batch = async (
    records: readonly CallRecord[],
    rejects: Reject[],
    lines: number,
    bytesRead: number,
    last: boolean,
  ): Promise<MinedBatch> => {
    const calls = await mineRecords(records, tables, createUsers);
    for (const call of calls) rollups.add(call, 1);
    const encoded = encodeCalls(calls, source.fileId, source.minedAt);
    let handedOver: RollupDelta[] = [];
    if (last || rollups.size >= ROLLUP_KEYS_HELD) {
      handedOver = rollups.values();
      rollups.clear();
    }
    return { calls: encoded, rollups: handedOver, rejects, lines, bytesRead };
  };
  let records: CallRecord[] = [];
  let rejects: Reject[] = [];
  let lines = 0;
  let bytesRead = 0;
  for await (const chunk of readSpoolLines(path)) {
    for (const line of chunk) {
      lines = line.number;
      bytesRead = line.bytesRead;
      if (line.text.trim() === '') continue;
      const result = readSpoolRecord(line.text);
      if (result.ok) records.push(result.record);
      else {
        const raw = line.text.slice(0, REJECT_RAW_LIMIT);
        rejects.push({ file: fileName, line: line.number, reason: result.reason, raw });
      }
      if (records.length >= batchSize) {
        yield await batch(records, rejects, lines, bytesRead, false);
        records = [];
        rejects = [];
      }
    }
  }
  yield await batch(records, rejects, lines, bytesRead, true);
}

async function mineRecords(
  records: readonly CallRecord[],
  tables: MiningTables,
  createUsers: CreateUsers,
): Promise<RatedCall[]> {
  const calls: RatedCall[] = new Array(records.length);
  const waiting: number[] = [];
  const parties = new Map<string, UnknownParty>();
  records.forEach((record, index) => {
    const mined = mineCallRecord(record, tables);
    if (mined.kind === 'call') calls[index] = mined.call;
    else {
      waiting.push(index);
      parties.set(partyKey(mined.party), mined.party);
    }
  });
  if (waiting.length === 0) return calls;
  for (const { user, number } of await createUsers([...parties.values()])) {
    tables.directory.addUser(user);
    if (number) tables.directory.addNumber(number);
  }
  for (const index of waiting) {
    const mined = mineCallRecord(records[index] as CallRecord, tables);
    if (mined.kind !== 'call') throw new Error(`no user was made for ${mined.party.value}`);
    calls[index] = mined.call;
  }
  return calls;
}

/**
 * One anonymous user per unknown party: an extension is a phone of its own site, while a SIP
 * address or an E.164 number is the same party whichever site's call names it first.
 */
function partyKey(party: UnknownParty): string {
  return party.kind === 'extension'
    ? `${party.kind}|${party.value}|${party.site.id}`
    : `${party.kind}|${party.value}`;
}
