/**
 * One thing wrong in a tariff file or its rate deck, located so that an administrator can go
 * straight to it in an editor or spreadsheet.
 */
export interface TariffFileProblem {
  /** The file the problem is in, when known: the tariff file's name or the rate deck's. */
  file?: string;
  /** 1-based line number in `file`. */
  line?: number;
  /** 1-based character column on `line` (YAML only). */
  column?: number;
  /**
   * What is wrong, as a path in the tariff file (`rates[12].pricePerMinute`) or a deck column with
   * the field it maps to (`"Tariffa" (pricePerMinute)`); empty for the file as a whole.
   */
  path: string;
  message: string;
}

/** Formats a problem as one line: `tim.yaml line 14: rates[12].pricePerMinute: not an amount …`. */
export function formatProblem(problem: TariffFileProblem): string {
  const where = [problem.file, problem.line === undefined ? undefined : `line ${problem.line}`]
    .filter((part) => part !== undefined)
    .join(' ');
  return [where, problem.path, problem.message].filter((part) => part).join(': ');
}

/**
 * Thrown when a tariff file or rate deck cannot be loaded. Carries every problem found, not just the
 * first, so that one round of fixes is usually enough.
 */
export class TariffFileError extends Error {
  readonly problems: readonly TariffFileProblem[];

  constructor(problems: readonly TariffFileProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`tariff file has ${count}:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'TariffFileError';
    this.problems = problems;
  }
}
