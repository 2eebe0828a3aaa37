/**
 * Normalizes a dialling prefix as carriers write it (`+39 06`, `0039`, `39`, `44-7`) to the E.164
 * digits without "+" that rates are matched on, or returns null when it is not one.
 *
 * A leading `+` or `00` (the international access code) is dropped; spaces, dots, dashes and
 * parentheses are ignored. A country code never starts with 0, so a prefix that still starts with 0
 * is in a national format and would never match a call: it is refused rather than guessed.
 */
export function normalizePrefix(text: string): string | null {
  let digits = text.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  return /^[1-9]\d{0,14}$/.test(digits) ? digits : null;
}

/** The message for a prefix that `normalizePrefix` refused. */
export function prefixProblem(text: string): string {
  return `not an international dialling prefix: "${text}" (E.164 digits such as "39" or "+39 06", at most 15)`;
}
