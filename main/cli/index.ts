import { Command, CommanderError } from 'commander';
import { VERSION } from './version';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs: `mailwright check` should not pay
 * for loading the PDF library, and the time to the first query is a benchmark target.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  plan: async () => (await import('./plan-command')).registerPlanCommand,
  check: async () => (await import('./check-command')).registerCheckCommand,
  export: async () => (await import('./export-command')).registerExportCommand,
  serve: async () => (await import('./serve-command')).registerServeCommand,
  message: async () => (await import('./message-command')).registerMessageCommand,
};

/** The command named in the arguments (skipping global options), if any. */
export function commandIn(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i]!;
    if (a === '--data') i += 1;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * `mailwright`: the command line. Each command lives in its own file and registers itself here.
 * Exit status 2 means bad input (docs/CHECKS.md), with a message naming the field.
 */
export async function buildProgram(args: readonly string[] = []): Promise<Command> {
  const program = new Command('mailwright')
    .description('Set up and verify the DNS of your own mail server.')
    .version(VERSION)
    .option(
      '--data <dir>',
      'folder for projects (default: ~/.config/mailwright, or $MAILWRIGHT_DATA)',
    )
    .showHelpAfterError()
    .exitOverride();
  const wanted = commandIn(args);
  const versionOnly = wanted === undefined && (args.includes('--version') || args.includes('-V'));
  const names = versionOnly
    ? []
    : wanted !== undefined && Object.hasOwn(COMMANDS, wanted)
      ? [wanted]
      : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!())(program);
  return program;
}

/** Run the CLI with process arguments. */
export async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv.slice(2));
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
