import { Command, CommanderError } from 'commander';
import { registerExportCommand } from '../../../main/cli/export-command';

// The CLI as main/cli/index.ts builds it (exit 2 for usage errors), with only the export
// command: the tests run it as a real process and read its output, files and exit status.
const program = new Command('mailwright')
  .option('--data <dir>')
  .showHelpAfterError()
  .exitOverride();
registerExportCommand(program);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2;
  else {
    process.stderr.write(`mailwright: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
