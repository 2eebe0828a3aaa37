import type { z } from 'zod';
import { LedgerlineError } from '../domain/errors.js';

/**
 * Settings read from environment variables (blank counts as unset) and checked with `schema`
 * once; an error names the variable of each problem, and the result is frozen.
 */
export function readEnvironmentSettings<Schema extends z.ZodType>(
  env: Readonly<Record<string, string | undefined>>,
  variables: Readonly<Record<string, string>>,
  schema: Schema,
  what: string,
): Readonly<z.output<Schema>> {
  const input: Record<string, string> = {};
  for (const [field, variable] of Object.entries(variables)) {
    const value = env[variable]?.trim();
    if (value) input[field] = value;
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues.map(
      (issue) => `${variables[String(issue.path[0])] ?? what}: ${issue.message}`,
    );
    throw new LedgerlineError('configuration', `${what} are not valid: ${details.join('; ')}`, details);
  }
  return Object.freeze(result.data);
}
