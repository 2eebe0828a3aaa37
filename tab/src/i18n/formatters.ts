/** Numbers, money, dates and durations in the user's locale, with `Intl`. */
export interface Formatters {
  locale: string;
  /** Micro-units (millionths) of a currency, as money: `€ 1.234,56`. */
  money(micro: number, currency: string): string;
  /** A whole number with the locale's grouping. */
  integer(value: number): string;
  /** A number with up to `digits` decimals. */
  decimal(value: number, digits?: number): string;
  /** A fraction as a percentage: 0.125 → `12.5%`. */
  percent(fraction: number): string;
  /** A change as a signed percentage: 0.1 → `+10%`. */
  change(fraction: number): string;
  /** A local day `YYYY-MM-DD` as a date, without any time-zone shift. */
  day(day: string): string;
  /** A local day as a short date (axis labels). */
  shortDay(day: string): string;
  /** A month of a local day: `March 2026`. */
  month(day: string): string;
  /** An ISO instant as date and time in the browser's time zone. */
  dateTime(iso: string): string;
  /** A site's local time `YYYY-MM-DD HH:mm:ss` as date and time, as it was at the site. */
  localDateTime(local: string): string;
  /** Seconds as `h:mm:ss` or `m:ss`. */
  duration(seconds: number): string;
}

/** The formatters of a locale; an unknown locale falls back to English. */
export function createFormatters(locale: string): Formatters {
  const tag = supported(locale);
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const change = new Intl.NumberFormat(tag, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const localDateTime = new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  });
  const asUtcDate = (text: string) => new Date(`${text.slice(0, 10)}T${text.slice(11, 19) || '00:00:00'}Z`);
  return {
    locale: tag,
    money(micro, currency) {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(tag, { style: 'currency', currency });
        moneyFormats.set(currency, format);
      }
      return format.format(micro / 1_000_000);
    },
    integer: (value) => integer.format(value),
    decimal: (value, digits = 2) =>
      new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(value),
    percent: (fraction) => percent.format(fraction),
    change: (fraction) => change.format(fraction),
    day: (text) => day.format(asUtcDate(text)),
    shortDay: (text) => shortDay.format(asUtcDate(text)),
    month: (text) => month.format(asUtcDate(text)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    localDateTime: (text) => localDateTime.format(asUtcDate(text)),
    duration(seconds) {
      const whole = Math.max(0, Math.round(seconds));
      const h = Math.floor(whole / 3600);
      const m = Math.floor((whole % 3600) / 60);
      const s = String(whole % 60).padStart(2, '0');
      return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
    },
  };
}

function supported(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}
