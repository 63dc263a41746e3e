import { Command } from 'commander';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import {
  addNetworkOptions,
  verifyOptionsFromFlags,
  type NetworkFlags,
} from '../cli/network-options';

/**
 * The desktop app takes the same network options as `mailwright serve` on its command line
 * (`mailwright --resolver 127.0.0.1:5353 --no-smtp`, or `electron . --resolver …` from a clone),
 * as the defaults of the checks it runs: the Electron smoke test points it at a loopback Knot this
 * way, and a user behind a blocked port 25 can use --smtp-address as with the CLI. Electron's and
 * Chromium's own switches are left alone; a bad value of ours is reported and ignored, so the
 * window still opens.
 */
export function appOptionsFromArgv(argv: readonly string[]): {
  options: VerifyOptions;
  problem: string | null;
} {
  const program = addNetworkOptions(new Command('mailwright'))
    .allowUnknownOption()
    .allowExcessArguments()
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  try {
    program.parse([...argv], { from: 'user' });
    return { options: verifyOptionsFromFlags(program.opts<NetworkFlags>()), problem: null };
  } catch (e) {
    return { options: {}, problem: (e as Error).message };
  }
}
