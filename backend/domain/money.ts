/** Money is an integer count of micro-units (1e-6 of the currency): never a float, in code or in the database. */
export type Micro = number;

/** One currency unit in micro-units. */
export const MICRO_PER_UNIT = 1_000_000;

const DECIMAL = /^(-)?(\d+)(?:\.(\d{0,6}))?$/;

/**
 * Parses a decimal amount ("0.0125", "12", "-3.5", or a number) into micro-units exactly,
 * without passing through floating point. More than six decimals is an error, not a silent rounding.
 */
export function parseMoney(value: string | number): Micro {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`not an amount with at most 6 decimals: "${String(value)}"`);
  const [, sign, whole, fraction = ''] = match;
  const micro = Number(whole) * MICRO_PER_UNIT + Number(fraction.padEnd(6, '0'));
  if (!Number.isSafeInteger(micro)) throw new RangeError(`amount out of range: "${String(value)}"`);
  return sign ? -micro : micro;
}

/** Formats micro-units as a plain decimal string with the fewest decimals that keep it exact. */
export function formatMoney(micro: Micro): string {
  const sign = micro < 0 ? '-' : '';
  const abs = Math.abs(micro);
  const whole = Math.floor(abs / MICRO_PER_UNIT);
  const fraction = String(abs % MICRO_PER_UNIT)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  // Shortest round-trip representation; exponent forms only appear for values we reject anyway.
  return String(value);
}
