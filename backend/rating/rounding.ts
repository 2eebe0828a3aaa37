import type { Micro } from '../domain/money.js';
import type { Rounding } from './tariff-plan.js';

/**
 * Rounds an amount given exactly as `sixtieths` / 60 micro-units (prices are per minute, time is in
 * seconds) to the plan's decimals with its method. Integer arithmetic only.
 */
export function roundSixtieths(sixtieths: number, rounding: Rounding): Micro {
  const unit = 10 ** (6 - rounding.decimals);
  const denominator = 60 * unit;
  const quotient = Math.floor(sixtieths / denominator);
  const remainder = sixtieths - quotient * denominator;
  let units = quotient;
  if (rounding.method === 'up' && remainder > 0) units += 1;
  else if (rounding.method === 'half-up' && remainder * 2 >= denominator) units += 1;
  return units * unit;
}
