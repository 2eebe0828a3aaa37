import { Command, CommanderError } from 'commander';

/**
 * The `ledgerline` command: parses arguments, runs one subcommand, and turns any error into a
 * message on stderr and an exit code. Returns the exit code instead of exiting, so tests can call it.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = new Command('ledgerline')
    .description('Call accounting for Microsoft Teams and Skype for Business')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('demo')
    .description('run the embedded demo (not built yet)')
    .action(() => {
      throw new Error('the demo is not built yet: it arrives with the pipeline (recorder, miner, server).');
    });

  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`ledgerline: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
