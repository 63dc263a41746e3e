import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import { checkDocumentSchema, type CheckDocument } from '../../shared/checks/verify-progress';
import { loadPlan, type LoadedPlan } from '../../shared/model/plan-load';
import { recordsToPublish, type PublishedToday } from '../../shared/records/records-to-publish';
import { lookUpPublished } from '../api/published-records';
import { runCheckForExport, type RunCheck } from '../export/check-runner';
import { buildJsonExport } from '../export/json-export';
import { PAPER_SIZES, type PaperSize } from '../export/pdf-style';
import { buildSummaryPdf } from '../export/summary-export';
import { buildZoneFile } from '../export/zone-export';
import type { Plan } from '../../shared/model/plan';
import { addNetworkOptions, verifyOptionsFromFlags, type NetworkFlags } from './network-options';

/** Reads what the domain publishes today (dns.published's look-up, with the same network flags). */
export type LookUpToday = (plan: Plan, options: VerifyOptions) => Promise<PublishedToday>;

/** What `export` needs from outside; tests replace the checker and the output streams. */
export interface ExportCommandDeps {
  runCheck?: RunCheck;
  lookUpToday?: LookUpToday;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  now?: () => Date;
}

/** Bad input: the CLI prints `mailwright export: <field>: <message>` and exits 2 (docs/CHECKS.md). */
class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

interface ExportFlags extends NetworkFlags {
  plan: string;
  pdf?: string;
  zone?: string;
  json?: string;
  results?: string;
  paper: string;
}

async function readText(flag: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(
      flag,
      `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
}

async function readPlan(path: string): Promise<Extract<LoadedPlan, { ok: true }>> {
  const loaded = loadPlan(await readText('--plan', path));
  if (!loaded.ok) throw new InputError(`--plan ${loaded.field}`, loaded.message);
  return loaded;
}

/** The wizard's own look-up (main/api/published-records.ts), through the flags' resolvers. */
const lookUpTodayDefault: LookUpToday = async (plan, options) => ({
  ...(await lookUpPublished(plan.domain, plan.mailHost, {
    ...(options.resolvers ? { resolvers: options.resolvers } : {}),
    ...(options.nsPort ? { nsPort: options.nsPort } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  })),
  domain: plan.domain,
  mailHost: plan.mailHost,
});

function fieldOf(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

async function readResults(path: string): Promise<CheckDocument> {
  let data: unknown;
  try {
    data = JSON.parse((await readText('--results', path)).replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('--results', `${path} is not valid JSON (${(e as Error).message}).`);
  }
  const parsed = checkDocumentSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? fieldOf(issue.path) : '';
    throw new InputError(
      `--results ${field || 'document'}`,
      `${issue?.message ?? 'invalid'}. Give the output of \`mailwright check --json\`.`,
    );
  }
  return parsed.data;
}

async function writeOut(flag: string, path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data));
  } catch (e) {
    throw new InputError(
      flag,
      `cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
}

/**
 * `mailwright export`: the setup summary PDF, the BIND zone file and the JSON export of a plan.
 * Every file holds the same records as the app's Records step: the plan merged with what the
 * domain publishes today (looked up with the same network options as `check`). The PDF and
 * JSON reflect --results (a `check --json` document) or, without it, a check run first.
 */
export function registerExportCommand(program: Command, deps: ExportCommandDeps = {}): void {
  const out = deps.stdout ?? ((t: string) => void process.stdout.write(t));
  const err = deps.stderr ?? ((t: string) => void process.stderr.write(t));
  const command = program
    .command('export')
    .description('Write the setup summary PDF, the zone file or the JSON export of a plan.')
    .requiredOption('--plan <file>', 'the plan file (JSON, as for `mailwright check`)')
    .option('--pdf <file>', 'write the setup summary PDF here')
    .option('--zone <file>', 'write the BIND zone file of the records here')
    .option('--json <file>', 'write the plan and the check results as JSON here')
    .option('--results <file>', 'use this `mailwright check --json` output instead of checking now')
    .option('--paper <size>', 'paper size of the PDF: a4 or letter', 'a4');
  addNetworkOptions(command).action(async (flags: ExportFlags) => {
    try {
      await runExport(flags, deps, out);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      err(`mailwright export: ${e.field}: ${e.message}\n`);
      process.exitCode = 2;
    }
  });
}

async function runExport(
  flags: ExportFlags,
  deps: ExportCommandDeps,
  out: (text: string) => void,
): Promise<void> {
  if (flags.pdf === undefined && flags.zone === undefined && flags.json === undefined) {
    throw new InputError('--pdf', 'say what to write: --pdf FILE, --zone FILE and/or --json FILE.');
  }
  if (!(PAPER_SIZES as readonly string[]).includes(flags.paper)) {
    throw new InputError('--paper', `"${flags.paper}" is not a paper size; use a4 or letter.`);
  }
  const paper = flags.paper as PaperSize;
  const options: VerifyOptions = { ...verifyOptionsFromFlags(flags), planFile: flags.plan };
  const loaded = await readPlan(flags.plan);
  const plan = loaded.plan;
  const now = deps.now?.() ?? new Date();

  let run: CheckDocument | undefined;
  if (flags.results !== undefined && (flags.pdf !== undefined || flags.json !== undefined)) {
    run = await readResults(flags.results);
    if (run.domain !== plan.domain) {
      throw new InputError(
        '--results domain',
        `the results are for ${run.domain}, but the plan is for ${plan.domain}.`,
      );
    }
  }

  // What the domain publishes decides each record's action (edit the SPF of today, delete the
  // MX of a provider...): looked up now with the same resolvers as the check, or, with
  // --results, taken from the app's JSON export when --plan is one (the look-up made with it).
  const useSaved = flags.results !== undefined && loaded.published !== undefined;
  const lookingUp = useSaved
    ? Promise.resolve(loaded.published as PublishedToday)
    : (deps.lookUpToday ?? lookUpTodayDefault)(plan, options);

  if (run === undefined && (flags.pdf !== undefined || flags.json !== undefined)) {
    out(`Checking ${plan.domain} first (give --results to use an earlier check)...\n`);
    const controller = new AbortController();
    const stop = (): void => controller.abort(new Error('interrupted'));
    process.once('SIGINT', stop);
    try {
      run = await (deps.runCheck ?? runCheckForExport)(plan, options, controller.signal);
    } finally {
      process.removeListener('SIGINT', stop);
    }
  }
  const published = await lookingUp;
  for (const problem of published.problems) out(`Note: ${problem}\n`);
  const overview = recordsToPublish(plan, published);

  if (flags.zone !== undefined) {
    await writeOut('--zone', flags.zone, buildZoneFile(plan, overview.records, overview.zone));
    out(`Wrote the zone file to ${flags.zone}\n`);
  }
  if (flags.json !== undefined) {
    await writeOut('--json', flags.json, buildJsonExport(plan, overview, published, run, now));
    out(`Wrote the JSON export to ${flags.json}\n`);
  }
  if (flags.pdf !== undefined) {
    const pdf = await buildSummaryPdf(plan, overview.records, run, {
      paper,
      now,
      zone: overview.zone,
      ...(overview.dmarc ? { dmarc: overview.dmarc } : {}),
    });
    await writeOut('--pdf', flags.pdf, pdf);
    out(`Wrote the setup summary to ${flags.pdf}\n`);
  }
}
