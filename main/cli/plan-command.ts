import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { loadPlan } from '../../shared/model/plan-load';
import { mtaStsSetup } from '../../shared/records/mtasts-setup';
import { renderMtaStsSetup } from '../../shared/records/mtasts-setup-text';
import { recordsToPublish } from '../../shared/records/records-to-publish';
import { renderRecordsTable } from '../../shared/records/records-table';
import { renderZone } from '../../shared/records/zone-render';
import { VERSION } from './version';

/** Options of `mailwright plan`. */
export interface PlanCommandOptions {
  plan: string;
  json?: boolean;
  zone?: boolean;
}

/** Where the command reads and writes; tests pass their own. */
export interface PlanCommandIo {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: PlanCommandIo = {
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * Run `mailwright plan` and return the exit status: 0 printed, 2 bad input (the message on
 * stderr names the field, e.g. `ipv4[0]: "1231233" is not an IPv4 address ...`).
 */
export async function runPlanCommand(
  opts: PlanCommandOptions,
  io: PlanCommandIo = processIo,
): Promise<number> {
  if (opts.json && opts.zone) {
    io.stderr('mailwright plan: choose one of --json and --zone.\n');
    return 2;
  }
  let text: string;
  try {
    text = await io.readFile(opts.plan);
  } catch (e) {
    io.stderr(
      `mailwright plan: cannot read the plan file ${opts.plan}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
    return 2;
  }
  const loaded = loadPlan(text);
  if (!loaded.ok) {
    io.stderr(`mailwright plan: ${loaded.field}: ${loaded.message}\n`);
    return 2;
  }
  const { plan, warnings } = loaded;
  // The app's JSON export carries what the domain published when it was made: the records
  // merge with it exactly as the app's Records step did. A plain plan file has none.
  const overview = recordsToPublish(plan, loaded.published);
  const sts = mtaStsSetup(plan, loaded.published, overview.records);
  if (opts.json) {
    const doc = {
      tool: 'mailwright',
      version: VERSION,
      domain: plan.domain,
      mailHost: plan.mailHost,
      records: overview.records,
      notes: overview.notes,
      ...(sts ? { mtaSts: sts } : {}),
      warnings,
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else if (opts.zone) {
    io.stdout(renderZone(overview.records, plan.domain));
  } else {
    io.stdout(
      renderRecordsTable(
        overview.records,
        `Records to publish for ${plan.domain} (mail host ${plan.mailHost})`,
        {
          notes: overview.notes,
          warnings: warnings.map((w) => `${w.field}: ${w.message}`),
        },
      ),
    );
    if (sts) io.stdout(renderMtaStsSetup(sts));
  }
  for (const w of warnings)
    if (opts.json || opts.zone) io.stderr(`mailwright plan: note: ${w.field}: ${w.message}\n`);
  return 0;
}

/** Add `mailwright plan --plan plan.json [--json | --zone]` to the CLI. */
export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description(
      'Print the DNS records to publish for a plan: as a list, as JSON, or as a BIND zone file.',
    )
    .requiredOption('--plan <file>', 'the plan file (JSON, as the app saves it)')
    .option('--json', 'print the records as JSON')
    .option('--zone', 'print the records as a BIND zone file (for DNS hosts that import one)')
    .action(async (opts: PlanCommandOptions) => {
      process.exitCode = await runPlanCommand(opts);
    });
}
