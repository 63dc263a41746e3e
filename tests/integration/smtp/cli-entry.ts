import { Command, CommanderError } from 'commander';
import { registerCheckCommand } from '../../../main/cli/check-command';

// `mailwright check` as main/cli/index.ts registers it, runnable from source as a real process.
const program = new Command('mailwright').option('--data <dir>').exitOverride();
registerCheckCommand(program);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = e instanceof CommanderError && e.exitCode === 0 ? 0 : 2;
}
