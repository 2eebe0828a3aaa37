import { z } from 'zod';
import { DESTINATION_CLASSES } from '../domain/destination-class.js';
import { parseMoney } from '../domain/money.js';
import { normalizePrefix, prefixProblem } from './e164-prefix.js';
import { incrementsProblem, parseIncrements } from './price-increments.js';

/** "required" when the field is missing, else `must be …`: the error zod reports for a field. */
function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : `must be ${what}`);
}

/** A non-blank piece of text (names, labels that must say something). */
export const textSchema = z
  .string({ error: expected('text') })
  .refine((text) => text.trim() !== '', { error: 'must not be empty' });

/**
 * An amount of money in currency units, written as a decimal string or a plain YAML/JSON number,
 * read exactly into micro-units by `parseMoney` (never through float arithmetic). Never negative.
 */
export const amountSchema = z
  .union([z.string(), z.number()], { error: expected('an amount in currency units, such as 0.0125') })
  .transform((value, ctx) => {
    let micro: number;
    try {
      micro = parseMoney(value);
    } catch (error) {
      ctx.issues.push({ code: 'custom', message: (error as Error).message, input: value });
      return z.NEVER;
    }
    if (micro < 0) {
      ctx.issues.push({ code: 'custom', message: `must not be negative: "${value}"`, input: value });
      return z.NEVER;
    }
    // "-0" reads as -0, which is 0 but not deep-equal to it.
    return micro === 0 ? 0 : micro;
  });

/** A whole number of seconds, from `min` on. */
export function secondsSchema(min: number) {
  return z
    .number({ error: expected('a whole number of seconds') })
    .int({ error: 'must be a whole number of seconds' })
    .min(min, { error: `must be at least ${min}` })
    .max(86_400, { error: 'must be at most 86400 (one day)' });
}

/** Billing increments shorthand: `"60/60"`, `"30/6"`, `"1/1"`, `"60/1"`, or `60` for 60/60. */
export const incrementsSchema = z
  .union([z.string(), z.number()], { error: expected('billing increments such as "60/60" or "30/6"') })
  .transform((value, ctx) => {
    const increments = parseIncrements(value);
    if (increments === null) {
      ctx.issues.push({ code: 'custom', message: incrementsProblem(value), input: value });
      return z.NEVER;
    }
    return increments;
  });

/** A dialling prefix, normalized to E.164 digits without "+" (see `normalizePrefix`). */
export const prefixSchema = z
  .union([z.string(), z.number()], { error: expected('a dialling prefix such as "39"') })
  .transform((value, ctx) => {
    const prefix = normalizePrefix(String(value));
    if (prefix === null) {
      ctx.issues.push({ code: 'custom', message: prefixProblem(String(value)), input: value });
      return z.NEVER;
    }
    return prefix;
  });

/** A destination class by its name in the domain (`national`, `mobile`, …). */
export const destClassSchema = z.enum(DESTINATION_CLASSES, {
  error: (issue) =>
    issue.input === undefined
      ? 'required'
      : `unknown destination class ${JSON.stringify(issue.input)} (one of: ${DESTINATION_CLASSES.join(', ')})`,
});

/** An ISO 3166-1 alpha-2 country code, upper-cased (`it` is read as `IT`). */
export const countrySchema = z
  .string({ error: expected('a two-letter country code such as "IT"') })
  .regex(/^[A-Za-z]{2}$/, {
    error: (issue) => `not a two-letter country code: ${JSON.stringify(issue.input)}`,
  })
  .transform((code) => code.toUpperCase());

/**
 * Plain-language messages for the zod issues no schema words itself (wrong types, unknown choices),
 * passed to `safeParse` so that administrators read "must be a list", not "expected array".
 */
export function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'required';
    const names: Record<string, string> = {
      string: 'text',
      number: 'a number',
      int: 'a whole number',
      boolean: 'true or false',
      array: 'a list',
      object: 'a mapping of fields',
      record: 'a mapping of fields',
    };
    return `must be ${names[issue.expected] ?? issue.expected}, not ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, not ${describe(issue.input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return 'must not be empty';
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}
