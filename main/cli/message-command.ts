import { open } from 'node:fs/promises';
import type { Command } from 'commander';
import { readPlanFlag } from './plan-flag';
import type { Plan } from '../../shared/model/plan';
import { MESSAGE_LIMITS } from '../../shared/checks/message-limits';
import { runMessageCheck } from '../message/message-check';
import { printCheckDocument, untilCtrlC } from './check-output';
import { addNetworkOptions, verifyOptionsFromFlags, type NetworkFlags } from './network-options';

interface MessageFlags extends NetworkFlags {
  plan?: string;
  json?: boolean;
}

/** Read at most the limit plus one byte (so "too large" is known without reading 50 MB). */
async function readBounded(file: string | undefined): Promise<Buffer> {
  const cap = MESSAGE_LIMITS.maxBytes + 1;
  if (file === undefined || file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= cap) break;
    }
    return Buffer.concat(chunks).subarray(0, cap);
  }
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(cap);
    let read = 0;
    while (read < cap) {
      const { bytesRead } = await handle.read(buf, read, cap - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buf.subarray(0, read);
  } finally {
    await handle.close();
  }
}

/**
 * `mailwright message FILE.eml [--plan plan.json] [--json]` (or the message on standard input):
 * verify a test message against DNS as it is now. The same JSON document and exit statuses as
 * `check`: 0 no fail, 1 a fail, 2 bad input (not a message; an unreadable file or plan), 3 nothing
 * could be checked.
 */
export function registerMessageCommand(program: Command): void {
  const command = program
    .command('message')
    .argument(
      '[file]',
      'the message (.eml, or the text of "Show original"); "-" or nothing reads standard input',
    )
    .description(
      'Check a test message you sent yourself: DKIM, SPF, DMARC, the provider’s verdict, TLS, unsubscribe headers.',
    )
    .option(
      '--plan <file>',
      'the plan file, to tell whether the signature uses your selector and key',
    )
    .option('--json', 'print only the JSON document of the results');
  addNetworkOptions(command).action(async (file: string | undefined, flags: MessageFlags) => {
    let plan: Plan | undefined;
    if (flags.plan !== undefined) {
      plan = await readPlanFlag(flags.plan);
      if (!plan) return;
    }
    if (file === undefined && process.stdin.isTTY) {
      process.stderr.write(
        'mailwright: message: give a file (FILE.eml) or pipe the message into standard input.\n',
      );
      process.exitCode = 2;
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await readBounded(file);
    } catch (e) {
      process.stderr.write(
        `mailwright: message: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`,
      );
      process.exitCode = 2;
      return;
    }
    const doc = await untilCtrlC((signal) =>
      runMessageCheck({
        bytes,
        source: file === undefined || file === '-' ? 'stdin' : 'file',
        ...(plan ? { plan } : {}),
        options: verifyOptionsFromFlags(flags),
        signal,
      }),
    );
    const parsed = doc.findings.find((f) => f.check === 'message.parsed');
    if (doc.findings.length === 1 && parsed?.status === 'fail') {
      // Not a message: bad input, said on stderr like any other (the JSON still goes to stdout).
      process.stderr.write(`mailwright: message: ${parsed.title}. ${parsed.detail}\n`);
      if (flags.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      process.exitCode = 2;
      return;
    }
    printCheckDocument(doc, flags.json);
  });
}
