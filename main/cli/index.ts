import { Command, CommanderError } from 'commander';
import { registerServeCommand } from './serve-command';
import { registerPlanCommand } from './plan-command';
import { registerCheckCommand } from './check-command';
import { registerExportCommand } from './export-command';
import { VERSION } from './version';

/**
 * `mailwright`: the command line. Each command lives in its own file and registers itself here.
 * Exit status 2 means bad input (CHECKS.md), with a message naming the field.
 */
export function buildProgram(): Command {
  const program = new Command('mailwright')
    .description('Set up and verify the DNS of your own mail server.')
    .version(VERSION)
    .option(
      '--data <dir>',
      'folder for projects (default: ~/.config/mailwright, or $MAILWRIGHT_DATA)',
    )
    .showHelpAfterError()
    .exitOverride();
  registerPlanCommand(program);
  registerCheckCommand(program);
  registerExportCommand(program);
  registerServeCommand(program);
  return program;
}

/** Run the CLI with process arguments. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are "errors" to commander; usage mistakes are bad input (exit 2).
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`mailwright: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv);
