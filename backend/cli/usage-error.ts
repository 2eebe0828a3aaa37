import { LedgerlineError } from '../domain/errors.js';

/**
 * An option or argument a command cannot use (a port that is not a port, a folder that is not
 * there): the command ends with exit code 2 and its usage line, before doing any work.
 */
export class UsageError extends LedgerlineError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super('invalid-input', message);
  }
}
