const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Offsets are cached per quarter hour of UTC; a bucket holding a change knows its exact minute. */
const BUCKET_MS = 15 * MS_PER_MINUTE;

/** The offset across one bucket: `before` until `changeAt`, `after` from it (Infinity: no change). */
interface BucketOffset {
  before: number;
  changeAt: number;
  after: number;
}

/** Wall-clock fields of an instant in a time zone. */
export interface LocalTime {
  /** Calendar day as an integer YYYYMMDD (sortable, portable across databases). */
  day: number;
  /** 0..23 */
  hour: number;
  /** 0..1439 */
  minuteOfDay: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/**
 * Converts between UTC instants and wall-clock time in one IANA time zone.
 *
 * Exists because rating and the miner need local day, hour, weekday and band boundaries for every
 * call: a general date library costs microseconds per conversion, this costs a map lookup once the
 * zone's offsets around an instant are known. Instances hold only that cache; create one per zone
 * and pass it where it is needed.
 */
export class ZoneClock {
  readonly zone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly buckets = new Map<number, BucketOffset>();

  constructor(zone: string) {
    this.zone = zone;
    // Throws RangeError for an unknown zone, which is what a caller configuring a site wants.
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds to add to a UTC instant to get the zone's wall-clock time, as epoch-like ms. */
  offsetAt(utcMs: number): number {
    const entry = this.bucketAt(utcMs);
    return utcMs < entry.changeAt ? entry.before : entry.after;
  }

  /** The wall-clock time of `utcMs` expressed as milliseconds since 1970-01-01T00:00 local. */
  toLocalMs(utcMs: number): number {
    return utcMs + this.offsetAt(utcMs);
  }

  /**
   * The UTC instant at which the zone's clocks show `localMs`. A wall time skipped by a forward
   * change maps to the instant of the change; a repeated one maps to its first occurrence.
   */
  toUtcMs(localMs: number): number {
    const early = localMs - this.offsetAt(localMs - 14 * 3_600_000);
    const late = localMs - this.offsetAt(localMs + 14 * 3_600_000);
    // Prefer the earlier reading when both are valid (fall back: first occurrence).
    for (const candidate of early <= late ? [early, late] : [late, early]) {
      if (this.toLocalMs(candidate) === localMs) return candidate;
    }
    // Skipped wall time (spring forward): the clocks jump over it at the change itself.
    const [low, high] = early <= late ? [early, late] : [late, early];
    return this.transitionsBetween(low, high)[0] ?? high;
  }

  /** Local calendar day, hour, minute and ISO weekday of an instant. */
  localTime(utcMs: number): LocalTime {
    return localTimeOf(this.toLocalMs(utcMs));
  }

  /** UTC instants in (fromMs, toMs] where the zone's offset changes. */
  transitionsBetween(fromMs: number, toMs: number): number[] {
    const result: number[] = [];
    for (let start = Math.floor(fromMs / BUCKET_MS) * BUCKET_MS; start <= toMs; start += BUCKET_MS) {
      const { changeAt } = this.bucketAt(start);
      if (changeAt > fromMs && changeAt <= toMs) result.push(changeAt);
    }
    return result;
  }

  private bucketAt(utcMs: number): BucketOffset {
    const bucket = Math.floor(utcMs / BUCKET_MS);
    let entry = this.buckets.get(bucket);
    if (entry === undefined) {
      entry = this.computeBucket(bucket * BUCKET_MS);
      if (this.buckets.size > 100_000) this.buckets.clear();
      this.buckets.set(bucket, entry);
    }
    return entry;
  }

  private computeBucket(startMs: number): BucketOffset {
    const before = this.computeOffset(startMs);
    const after = this.computeOffset(startMs + BUCKET_MS);
    if (before === after) return { before, changeAt: Infinity, after };
    // Changes happen on whole minutes; find the first minute showing the new offset.
    let low = 0;
    let high = BUCKET_MS / MS_PER_MINUTE;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (this.computeOffset(startMs + middle * MS_PER_MINUTE) === before) low = middle;
      else high = middle;
    }
    return { before, changeAt: startMs + high * MS_PER_MINUTE, after };
  }

  private computeOffset(utcMs: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(utcMs))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const asUtc = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    // utcMs is a whole minute, so the difference is exactly the offset.
    return asUtc - utcMs;
  }
}

/** Calendar fields of a local epoch-ms value (wall time expressed as if it were UTC). */
export function localTimeOf(localMs: number): LocalTime {
  const dayIndex = Math.floor(localMs / MS_PER_DAY);
  const msOfDay = localMs - dayIndex * MS_PER_DAY;
  const minuteOfDay = Math.floor(msOfDay / MS_PER_MINUTE);
  const date = new Date(dayIndex * MS_PER_DAY);
  return {
    day: date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate(),
    hour: Math.floor(minuteOfDay / 60),
    minuteOfDay,
    // 1970-01-01 was a Thursday (ISO 4).
    weekday: ((((dayIndex + 3) % 7) + 7) % 7) + 1,
  };
}

/** Milliseconds in a day; local days start at multiples of this in local epoch ms. */
export const DAY_MS = MS_PER_DAY;
