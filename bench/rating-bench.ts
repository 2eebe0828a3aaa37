import { performance } from 'node:perf_hooks';
import { DEMO_COMPANY, type DemoSite } from '../backend/demo/demo-company.js';
import { ZoneClock } from '../backend/domain/zone-clock.js';
import { NumberClassifier } from '../backend/miner/number-classifier.js';
import { compileTariff } from '../backend/rating/compiled-tariff.js';
import { rateCall, type RatingCall } from '../backend/rating/rate-call.js';
import { seededRandom, syntheticCalls, syntheticNumbers, syntheticPlan } from './synthetic-traffic.js';

/** What one timed loop did. */
export interface LoopResult {
  name: string;
  calls: number;
  seconds: number;
  callsPerSecond: number;
  rated: number;
  unrated: number;
  totalCost: number;
}

/** Sizes of the rating benchmark (the issue's: 1,000,000 calls, 50,000 numbers, 5,000 prefixes). */
export interface RatingBenchOptions {
  calls: number;
  numbers: number;
  prefixes: number;
}

/** The demo company's Milan: outside line 0, extensions 2000-2999, local area 02. */
export const MILAN = DEMO_COMPANY.sites.find((site) => site.code === 'MIL') as DemoSite;

/**
 * Rates synthetic traffic twice: once from numbers already normalized and classified (rating
 * alone), once from what users dialled (normalize + classify + rate, with the miner's cache).
 */
export function runRatingBench(options: RatingBenchOptions): LoopResult[] {
  const random = seededRandom(20_260_101);
  const numbers = syntheticNumbers(options.numbers, random);
  const tariffs = [compileTariff(syntheticPlan(options.prefixes, random))];
  const calls = syntheticCalls(options.calls, numbers.length, random);
  const clock = new ZoneClock('Europe/Rome');

  // Rating alone gets each number as the classifier would hand it over, prepared outside the clock.
  const prepared = new NumberClassifier(new Map([['MIL', MILAN.dialPlan]]), {
    cacheSizePerSite: options.numbers,
  });
  const classified = numbers.map((number) => prepared.classify('MIL', number.dialled));
  const unknown = classified.filter((entry) => entry.normalized.kind !== 'e164').length;
  if (unknown > 0) throw new Error(`${unknown} synthetic numbers did not normalize to E.164`);

  const call: RatingCall = {
    startedAt: 0,
    answeredAt: null,
    answered: false,
    durationSec: 0,
    number: null,
    destClass: 'national',
    country: null,
  };
  const setCall = (i: number) => {
    const startedAt = calls.startedAt[i] as number;
    call.startedAt = startedAt;
    call.answered = calls.answered[i] === 1;
    call.answeredAt = call.answered ? startedAt + 4_000 : null;
    call.durationSec = calls.durationSec[i] as number;
  };

  const ratingAlone = timeLoop('rating alone', options.calls, (i, tally) => {
    setCall(i);
    const entry = classified[calls.numberIndex[i] as number]!;
    call.number = entry.normalized.kind === 'e164' ? entry.normalized.e164 : null;
    call.destClass = entry.destClass;
    call.country = entry.country;
    tally(rateCall(call, tariffs, clock));
  });

  const classifier = new NumberClassifier(new Map([['MIL', MILAN.dialPlan]]));
  const full = timeLoop('normalize + classify + rate', options.calls, (i, tally) => {
    setCall(i);
    const entry = classifier.classify('MIL', numbers[calls.numberIndex[i] as number]!.dialled);
    call.number = entry.normalized.kind === 'e164' ? entry.normalized.e164 : null;
    call.destClass = entry.destClass;
    call.country = entry.country;
    tally(rateCall(call, tariffs, clock));
  });
  return [ratingAlone, full];
}

type Tally = (result: ReturnType<typeof rateCall>) => void;

function timeLoop(name: string, count: number, body: (i: number, tally: Tally) => void): LoopResult {
  const result = { name, calls: count, seconds: 0, callsPerSecond: 0, rated: 0, unrated: 0, totalCost: 0 };
  const tally: Tally = (rating) => {
    if (rating.status === 'rated') {
      result.rated++;
      result.totalCost += rating.cost;
    } else result.unrated++;
  };
  const start = performance.now();
  for (let i = 0; i < count; i++) body(i, tally);
  result.seconds = (performance.now() - start) / 1000;
  result.callsPerSecond = Math.round(count / result.seconds);
  return result;
}
