/** Micro-units in one currency unit: amounts are whole micro-units, never floats. */
const MICRO_PER_UNIT = 1_000_000;

const DECIMAL = /^(\d+)(?:[.,](\d{0,6}))?$/;

/**
 * An amount typed by an administrator ("0,05", "0.0125", "12") as micro-units, exactly and
 * without floating point; either decimal mark is taken. Null if it is not a non-negative amount
 * with at most six decimals.
 */
export function parseAmount(text: string): number | null {
  const match = DECIMAL.exec(text.trim().replace(/\s/g, ''));
  if (!match) return null;
  const micro = Number(match[1]) * MICRO_PER_UNIT + Number((match[2] ?? '').padEnd(6, '0'));
  return Number.isSafeInteger(micro) ? micro : null;
}

/** Micro-units as the plain decimal an amount field shows: 12500 → "0.0125". */
export function amountText(micro: number): string {
  const whole = Math.floor(micro / MICRO_PER_UNIT);
  const fraction = String(micro % MICRO_PER_UNIT)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** A whole number typed in a field, or null if it is not one (or is below `min`). */
export function parseWhole(text: string, min = 0): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= min ? value : null;
}
