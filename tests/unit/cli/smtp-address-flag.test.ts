import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  addNetworkOptions,
  verifyOptionsFromFlags,
  type NetworkFlags,
} from '../../../main/cli/network-options';
import { verifyOptionsSchema } from '../../../shared/checks/verify-options';

/** Parse flags the way `check`/`export`/`serve` do; errors come back as commander reports them. */
function parse(args: string[]): { flags?: NetworkFlags; error?: CommanderError; stderr: string } {
  let stderr = '';
  let flags: NetworkFlags | undefined;
  const program = new Command('mailwright')
    .exitOverride()
    .configureOutput({ writeErr: (s) => (stderr += s), writeOut: () => undefined });
  addNetworkOptions(program.command('check').exitOverride()).action((f: NetworkFlags) => {
    flags = f;
  });
  try {
    program.parse(['node', 'mailwright', 'check', ...args]);
  } catch (e) {
    if (e instanceof CommanderError) return { error: e, stderr };
    throw e;
  }
  return { ...(flags ? { flags } : {}), stderr };
}

describe('--smtp-address', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['2001:db8::25', '2001:db8::25'],
  ])('takes the IP literal %s', (given, kept) => {
    const { flags, error } = parse(['--smtp-address', given, '--smtp-port', '2525']);
    expect(error).toBeUndefined();
    const options = verifyOptionsFromFlags(flags!);
    expect(options).toMatchObject({ smtpAddress: kept, smtpPort: 2525 });
    // What the CLI hands on is what the app's contract accepts.
    expect(verifyOptionsSchema.parse(options)).toEqual(options);
  });

  it('is absent from the options when not given', () => {
    const { flags } = parse(['--smtp-port', '2525']);
    expect(verifyOptionsFromFlags(flags!)).not.toHaveProperty('smtpAddress');
  });

  it.each([
    ['mail.example.com', '--smtp-address: "mail.example.com" is a name, not an IP address.'],
    ['localhost', '--smtp-address: "localhost" is a name, not an IP address.'],
    ['127.0.0.1:2525', 'give the address alone and the port with --smtp-port 2525.'],
    ['[::1]:2525', 'give the address alone and the port with --smtp-port 2525.'],
    [
      '999.1.1.1',
      '--smtp-address: "999.1.1.1" is not an IP address (for example 127.0.0.1 or ::1).',
    ],
    ['1231233', '--smtp-address: "1231233" is not an IP address'],
    ['', '--smtp-address: "" is not an IP address'],
  ])('refuses %j with exit status 2 material and a message naming the flag', (given, message) => {
    const { error, stderr } = parse(['--smtp-address', given]);
    expect(error?.code).toBe('commander.invalidArgument');
    // main() turns every commander usage error into exit status 2 (docs/CHECKS.md: bad input).
    expect(error?.exitCode).not.toBe(0);
    expect(stderr).toContain(message);
  });

  it('is refused by the contract schema when it is not an IP (the app passes options through it)', () => {
    expect(verifyOptionsSchema.safeParse({ smtpAddress: 'mail.example.com' }).success).toBe(false);
    expect(verifyOptionsSchema.safeParse({ smtpAddress: '010.1.1.1' }).success).toBe(false);
    expect(verifyOptionsSchema.safeParse({ smtpAddress: '127.0.0.1' }).success).toBe(true);
  });
});
