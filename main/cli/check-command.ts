import type { Command } from 'commander';
import { readPlanFlag } from './plan-flag';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { VerifyProgress } from '../../shared/checks/verify-progress';
import { runVerification } from '../verify/run-verification';
import { defaultProbeGroups } from '../verify/default-groups';
import { printCheckDocument, untilCtrlC } from './check-output';
import { addNetworkOptions, verifyOptionsFromFlags, type NetworkFlags } from './network-options';

interface CheckFlags extends NetworkFlags {
  plan: string;
  json?: boolean;
}

/** The progress line shown on a terminal while checks run. */
function progressLine(stream: NodeJS.WriteStream): {
  onProgress: (e: VerifyProgress) => void;
  clear: () => void;
} {
  let started = 0;
  let finished = 0;
  let last = '';
  const draw = (): void => {
    const text = `Checking… ${finished}/${Math.max(started, finished)} done${last ? `: ${last}` : ''}`;
    const width = (stream.columns ?? 80) - 1;
    stream.write(`\r\u001b[2K${text.slice(0, width)}`);
  };
  return {
    onProgress: (e) => {
      if (e.type === 'check-started') started += 1;
      else if (e.type === 'check-finished') {
        finished += 1;
        last = e.finding.check;
      } else last = e.message;
      draw();
    },
    clear: () => stream.write('\r\u001b[2K'),
  };
}

/**
 * `mailwright check --plan plan.json [--json]`: every check of docs/CHECKS.md from this computer (or
 * the server). Exit status 0 no fail, 1 a fail, 2 bad input (the message names the field;
 * nothing is written), 3 nothing could be checked.
 */
export function registerCheckCommand(program: Command): void {
  const command = program
    .command('check')
    .description(
      "Check a plan's DNS, reverse DNS, block lists and mail server, and say what to fix.",
    )
    .requiredOption('--plan <file>', 'the plan file (JSON, as the app saves it)')
    .option('--json', 'print only the JSON document of the results');
  addNetworkOptions(command).action(async (flags: CheckFlags) => {
    const plan = await readPlanFlag(flags.plan);
    if (!plan) return;
    const options: VerifyOptions = { ...verifyOptionsFromFlags(flags), planFile: flags.plan };
    const live = !flags.json && process.stdout.isTTY ? progressLine(process.stdout) : undefined;
    const groups = await defaultProbeGroups();
    const doc = await untilCtrlC((signal) =>
      runVerification({
        plan,
        options,
        signal,
        groups,
        ...(live ? { onProgress: live.onProgress } : {}),
      }),
    );
    live?.clear();
    printCheckDocument(doc, flags.json);
  });
}
