import { Document, Scalar, type Node } from 'yaml';
import { formatMoney, type Micro } from '../domain/money.js';
import { ZoneClock } from '../domain/zone-clock.js';
import { locatedPlanProblems } from '../rating/plan-rules.js';
import type { PriceInterval, Rate, TariffPlan } from '../rating/tariff-plan.js';
import { formatActiveFrom } from './active-from.js';
import { shorthandOf } from './price-increments.js';
import { parseRateDeck } from './rate-deck.js';
import { rateDeckSpecSchema } from './rate-deck-spec.js';
import { friendlyMessage } from './tariff-field-schema.js';
import { TariffFileError, formatProblem, type TariffFileProblem } from './tariff-file-error.js';
import { TARIFF_FILE_VERSION, tariffFileSchema, type TariffCarrier } from './tariff-file-schema.js';
import { WEEKDAY_NAMES } from './time-band-schema.js';
import { formatPath, readYamlSource, type YamlSource } from './yaml-source.js';

/** A carrier and one of its tariff plans: what one tariff file holds. The plan and rates carry no ids. */
export interface TariffFile {
  carrier: TariffCarrier;
  plan: TariffPlan;
}

/** What `parseTariffFile` needs besides the text. */
export interface ParseTariffFileOptions {
  /** The tariff file's name, put in problems so that they say which file they are in. */
  fileName?: string;
  /**
   * Returns the text of the rate deck named in `rateDeck.file` (the caller decides where it is,
   * usually beside the tariff file). What it throws is reported as a problem of that field.
   */
  readDeck?: (file: string) => string;
}

/** Where a rate came from: an entry of `rates:` or a line of the rate deck. */
type RateOrigin = Omit<TariffFileProblem, 'message'>;

/**
 * Reads a tariff file (YAML, or JSON, which is YAML) into a carrier and a plan ready to store,
 * merging in the rate deck it refers to. Throws a `TariffFileError` listing every problem found, each
 * with its file, line and path, when the file is not a plan that `planProblems` accepts.
 */
export function parseTariffFile(text: string, options: ParseTariffFileOptions = {}): TariffFile {
  const file = options.fileName === undefined ? {} : { file: options.fileName };
  const source = readYamlSource(text);
  const located = (path: readonly PropertyKey[], message: string): TariffFileProblem => ({
    ...file,
    ...source.locate(path),
    path: formatPath(path),
    message,
  });
  if (source.errors.length > 0) {
    throw new TariffFileError(
      source.errors.map(({ line, column, message }) => ({ ...file, line, column, path: '', message })),
    );
  }
  if (source.value === null) throw new TariffFileError([{ ...file, path: '', message: 'the file is empty' }]);

  const problems: TariffFileProblem[] = [];
  const parsed = tariffFileSchema.safeParse(source.value, { error: friendlyMessage });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) problems.push(located([...issue.path, key], 'unknown field'));
      } else {
        problems.push(located(issue.path, issue.message));
      }
    }
  }

  const deckRates = readDeckRates(source, options, located, problems);
  if (parsed.success) {
    const { carrier, plan } = parsed.data;
    const inline = plan.rates.map((rate, index) => ({
      rate,
      origin: { ...file, ...source.locate(['rates', index]), path: `rates[${index}]` },
    }));
    const rates = mergeRates([...deckRates, ...inline], problems);
    const merged: TariffPlan = { ...plan, rates: rates.map(({ rate }) => rate) };
    problems.push(...locatePlanProblems(merged, rates, file));
    if (problems.length === 0) return { carrier, plan: merged };
  }
  throw new TariffFileError(inReadingOrder(problems));
}

/** Problems file by file (in the order first met), each file's from top to bottom. */
function inReadingOrder(problems: readonly TariffFileProblem[]): TariffFileProblem[] {
  const files = [...new Set(problems.map((problem) => problem.file))];
  return [...problems].sort(
    (a, b) =>
      files.indexOf(a.file) - files.indexOf(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

function readDeckRates(
  source: YamlSource,
  options: ParseTariffFileOptions,
  located: (path: readonly PropertyKey[], message: string) => TariffFileProblem,
  problems: TariffFileProblem[],
): { rate: Rate; origin: RateOrigin }[] {
  const section = (source.value as { rateDeck?: unknown }).rateDeck;
  // Read the deck even when other fields are wrong, so that its problems come in the same report.
  const spec = section === undefined ? undefined : rateDeckSpecSchema.safeParse(section);
  if (!spec?.success) return [];
  if (options.readDeck === undefined) {
    problems.push(
      located(['rateDeck', 'file'], 'this file refers to a rate deck, but no way to read it was given'),
    );
    return [];
  }
  let deckText: string;
  try {
    deckText = options.readDeck(spec.data.file);
  } catch (error) {
    problems.push(
      located(['rateDeck', 'file'], `cannot read ${spec.data.file}: ${(error as Error).message}`),
    );
    return [];
  }
  const deck = parseRateDeck(deckText, spec.data);
  problems.push(...deck.problems);
  return deck.rates.map(({ rate, line }) => ({ rate, origin: { file: spec.data.file, line, path: '' } }));
}

/** The rates without duplicates, reporting each rate that matches what an earlier one already does. */
function mergeRates(
  rates: { rate: Rate; origin: RateOrigin }[],
  problems: TariffFileProblem[],
): { rate: Rate; origin: RateOrigin }[] {
  const seen = new Map<string, RateOrigin>();
  return rates.filter(({ rate, origin }) => {
    const key =
      rate.prefix !== null
        ? `prefix ${rate.prefix}`
        : `${rate.destClass} calls to ${rate.country ?? 'any country'}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, origin);
      return true;
    }
    const where = formatProblem({ ...first, message: '' });
    problems.push({ ...origin, message: `another rate already matches ${key} (${where})` });
    return false;
  });
}

/** The plan rules' findings, each put at the line of the rate it is about when it is about one. */
function locatePlanProblems(
  plan: TariffPlan,
  rates: { rate: Rate; origin: RateOrigin }[],
  file: { file?: string },
): TariffFileProblem[] {
  return locatedPlanProblems(plan).map(({ rate, message }) => {
    const origin = rate === undefined ? undefined : rates[rate]?.origin;
    // Only rates' problems remain: the schema already refused everything else the rules check.
    if (!origin) return { ...file, path: '', message };
    return { ...origin, message: message.replace(/^, /, '') };
  });
}

/** How `serializeTariffFile` writes a plan. */
export interface SerializeTariffFileOptions {
  /**
   * The IANA zone `activeFrom` is written in: a plain date when the plan starts at midnight there,
   * else a UTC instant. Written as `timeZone:` unless UTC (the default).
   */
  timeZone?: string;
}

/**
 * Writes a carrier's plan as a tariff file, the way an administrator would: shorthand prices where
 * the intervals allow, every rate inline (never a deck). `parseTariffFile` reads it back deep-equal.
 */
export function serializeTariffFile(tariff: TariffFile, options: SerializeTariffFileOptions = {}): string {
  const { carrier, plan } = tariff;
  const zone = options.timeZone ?? 'UTC';
  const doc = new Document();
  const flow = (value: unknown): Node => {
    const node = doc.createNode(value) as Node & { flow?: boolean };
    node.flow = true;
    return node;
  };
  const money = (micro: Micro): Scalar => {
    // A YAML number where it reads back as written, else a string: parseMoney takes both exactly.
    const text = formatMoney(micro);
    return new Scalar(String(Number(text)) === text ? Number(text) : text);
  };
  const pricing = (intervals: readonly PriceInterval[]) => {
    const shorthand = shorthandOf(intervals);
    if (shorthand)
      return { pricePerMinute: money(shorthand.pricePerMinute), increments: shorthand.increments };
    return {
      intervals: intervals.map(({ fromSec, incrementSec, pricePerMinute }) =>
        flow({ fromSec, incrementSec, pricePerMinute: money(pricePerMinute) }),
      ),
    };
  };
  const rateEntry = (rate: Rate) => ({
    ...(rate.prefix !== null
      ? { prefix: rate.prefix }
      : { destClass: rate.destClass, ...(rate.country === null ? {} : { country: rate.country }) }),
    ...(rate.label === '' ? {} : { label: rate.label }),
    ...(rate.connectFee === 0 ? {} : { connectFee: money(rate.connectFee) }),
    ...pricing(rate.intervals),
    ...(Object.keys(rate.bandIntervals).length === 0
      ? {}
      : {
          bands: Object.fromEntries(
            Object.entries(rate.bandIntervals).map(([band, intervals]) => [band, flow(pricing(intervals))]),
          ),
        }),
    ...(rate.minCharge === 0 ? {} : { minCharge: money(rate.minCharge) }),
    ...(rate.maxCost === null ? {} : { maxCost: money(rate.maxCost) }),
    ...(rate.unansweredCharge === 0 ? {} : { unansweredCharge: money(rate.unansweredCharge) }),
  });

  doc.contents = doc.createNode({
    version: TARIFF_FILE_VERSION,
    carrier: { code: carrier.code, name: carrier.name },
    name: plan.name,
    currency: plan.currency,
    ...(zone === 'UTC' ? {} : { timeZone: zone }),
    activeFrom: formatActiveFrom(plan.activeFrom, new ZoneClock(zone)),
    rounding: flow({ decimals: plan.rounding.decimals, method: plan.rounding.method }),
    ...(plan.timeBands.length === 0
      ? {}
      : {
          timeBands: plan.timeBands.map((band) =>
            flow({
              name: band.name,
              days: band.weekdays.map((day) => WEEKDAY_NAMES[day - 1]),
              from: band.from,
              to: band.to,
            }),
          ),
        }),
    rates: plan.rates.map(rateEntry),
  }) as Node;
  doc.commentBefore = ' Ledgerline tariff file: the format is described in docs/tariffs.md';
  return doc.toString({ lineWidth: 0, singleQuote: true });
}
