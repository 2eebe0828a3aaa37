import { formatMoney, type Micro } from '../domain/money.js';

/** How a deck writes an amount: its decimal mark, its unit and whether it is per second. */
export interface AmountUnit {
  decimal: '.' | ',';
  /** The unit as a power of ten of the currency: 0 = units, 2 = hundredths (cents), 3 = thousandths. */
  scaleDigits: number;
  /** True for a price per second, which is stored per minute. */
  perSecond: boolean;
}

/**
 * Converts an amount written in a carrier's unit ("1,25" cents, "0.0003" per second) to micro-units
 * exactly, with integer arithmetic only. Throws a RangeError with the reason when the text is not
 * a plain non-negative decimal, or when the result would need more than 6 decimals of the currency.
 */
export function parseScaledAmount(text: string, unit: AmountUnit): Micro {
  const trimmed = text.trim();
  const plain = unit.decimal === ',' ? trimmed.replace(',', '.') : trimmed;
  const match = /^(\d*)(?:\.(\d*))?$/.exec(plain);
  if (!match || !/\d/.test(plain)) {
    const example = unit.decimal === ',' ? '0,0125' : '0.0125';
    throw new RangeError(`not an amount: "${text}" (a plain number such as ${example})`);
  }
  const [, whole = '', fraction = ''] = match;
  const mantissa = BigInt(`${whole}${fraction}` || '0');
  const numerator = mantissa * 1_000_000n * (unit.perSecond ? 60n : 1n);
  const denominator = 10n ** BigInt(fraction.length + unit.scaleDigits);
  if (numerator % denominator !== 0n) {
    throw new RangeError(`"${text}" ${describeUnit(unit)} has more than 6 decimals of the currency`);
  }
  const micro = numerator / denominator;
  if (micro > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount out of range: "${text}"`);
  return Number(micro);
}

function describeUnit(unit: AmountUnit): string {
  const scale =
    unit.scaleDigits === 0 ? 'currency units' : `units of ${formatMoney(10 ** (6 - unit.scaleDigits))}`;
  return unit.perSecond ? `in ${scale} per second (x60 per minute)` : `in ${scale}`;
}
