import fc from 'fast-check';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { validatePlan } from '../../shared/model/plan-validate';
import { loadPlan } from '../../shared/model/plan-load';
import { planRecords } from '../../shared/records/plan-records';
import { renderZone } from '../../shared/records/zone-render';
import { parseDmarc } from '../../shared/records/dmarc-parse';
import { parseSpf } from '../../shared/records/spf-parse';
import { SENDER_IDS } from '../../shared/providers/senders';
import { CALL_NAMES } from '../../shared/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { EventHub } from '../../main/api/event-hub';
import { ProjectStore } from '../../main/store/project-store';
import { parseProjectFile } from '../../main/store/project-file';
import { VerifyService } from '../../main/verify/verify-service';
import type { ApiContext } from '../../main/api/context';

/**
 * The plan and API fuzz run, shared by `npm test` (tests/integration/fuzz, 10,000 cases) and
 * `npm run bench` (`npm run bench:fuzz`, bench/fuzz-bench.ts, 100,000 cases). Three oracles:
 * - crash: validating a plan, planning its records or rendering its zone throws; a call through
 *   dispatch throws instead of answering a Result;
 * - wrong pass: a plan that validates produces a record our own parsers refuse (a DMARC record
 *   whose tags a report address changed, an SPF record that does not parse);
 * - lost or half-written project: after the calls, a project file does not parse.
 */

/** Strings a tester throws at a field: record-breaking characters, IDN, huge, empty. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    ';',
    'mailto:x;p=reject;x@evil.test',
    'mailto:dmarc@xn--e1afmkfd.xn--p1ai',
    'mailto:dmarc@пример.рф',
    'mailto:d@-bad..example.com',
    'dmarc@example.com',
    'mailto:a@example.com,mailto:b@example.net',
    'mailto:a@example.com!10m',
    'v=spf1 -all',
    '"quoted"',
    '\\',
    '\u0000',
    '\uFEFF',
    '../../etc/passwd',
    'example.com',
    'пример.рф',
    'mail.example.com',
    '203.0.113.10',
    '2001:db8::1',
    '5,161,77,10',
    'https://5.161.77.10/',
    'x'.repeat(300),
  ),
);

const domainish = fc.oneof(
  nasty,
  fc.domain(),
  fc.constantFrom('example.com', 'shop.example.co.uk', 'xn--e1afmkfd.xn--p1ai', 'com'),
);
const ipv4 = fc.oneof(fc.ipV4(), nasty);
const ipv6 = fc.oneof(fc.ipV6(), nasty);
const email = fc.oneof(
  fc.emailAddress().map((a) => `mailto:${a}`),
  fc.emailAddress(),
  nasty,
);

/** Plan-shaped objects of every kind, most values hostile. */
const hostilePlan = fc.record(
  {
    domain: domainish,
    mailHost: domainish,
    ipv4: fc.array(ipv4, { maxLength: 5 }),
    ipv6: fc.array(ipv6, { maxLength: 3 }),
    mode: fc.constantFrom('send-only', 'send-receive', 'receive', 1),
    senders: fc.array(
      fc.oneof(
        fc.constantFrom(...SENDER_IDS),
        fc.record({
          id: fc.constantFrom('other', ...SENDER_IDS),
          include: fc.option(domainish, { nil: undefined }),
        }),
        nasty,
      ),
      { maxLength: 3 },
    ),
    dkim: fc.record(
      { selector: fc.oneof(nasty, fc.constantFrom('mail', 'default', 's1')) },
      { requiredKeys: ['selector'] },
    ),
    dmarc: fc.record(
      {
        policy: fc.constantFrom('none', 'quarantine', 'reject', 'bogus'),
        rua: fc.oneof(
          email,
          fc.array(email, { maxLength: 3 }).map((a) => a.join(',')),
        ),
        ruf: email,
      },
      { requiredKeys: ['policy'] },
    ),
    spf: fc.record({ all: fc.constantFrom('softfail', 'fail', 'neutral') }),
  },
  { requiredKeys: ['domain', 'mailHost'] },
);

/** Report addresses a person would give, now and then a hostile one. */
const personEmail = fc.oneof(
  { weight: 4, arbitrary: fc.emailAddress().map((a) => `mailto:${a}`) },
  { weight: 3, arbitrary: fc.emailAddress() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'mailto:dmarc@xn--e1afmkfd.xn--p1ai',
      'mailto:dmarc@пример.рф',
      'mailto:reports@example.net!10m',
    ),
  },
  { weight: 1, arbitrary: nasty },
);

/** A plan a person would write, now and then a hostile value: most validate, so records are judged. */
const goodDomain = fc.constantFrom('example.com', 'shop.example.co.uk', 'пример.рф', 'bakery.de');
const plausiblePlan = fc
  .record({
    domain: goodDomain,
    ipv4: fc.array(fc.constantFrom('203.0.113.10', '5.161.77.10', '198.51.100.7'), {
      maxLength: 3,
    }),
    ipv6: fc.array(fc.constantFrom('2001:db8::1', '2a01:4f8::2'), { maxLength: 2 }),
    mode: fc.constantFrom('send-only', 'send-receive'),
    senders: fc.array(fc.constantFrom(...SENDER_IDS.filter((id) => id !== 'other')), {
      maxLength: 3,
    }),
    rua: fc.oneof(
      personEmail,
      fc.array(personEmail, { minLength: 1, maxLength: 3 }).map((a) => a.join(',')),
    ),
    ruf: fc.option(personEmail, { nil: undefined }),
    policy: fc.constantFrom('none', 'quarantine', 'reject'),
    all: fc.constantFrom('softfail', 'fail'),
  })
  .map((p) => ({
    domain: p.domain,
    mailHost: `mail.${p.domain}`,
    ipv4: p.ipv4.length + p.ipv6.length ? p.ipv4 : ['203.0.113.10'],
    ipv6: p.ipv6,
    mode: p.mode,
    senders: p.senders,
    dkim: { selector: 'mail' },
    dmarc: { policy: p.policy, rua: p.rua, ...(p.ruf !== undefined ? { ruf: p.ruf } : {}) },
    spf: { all: p.all },
  }));

/** Plan-shaped input: plausible plans (most), hostile ones, and anything at all. */
export const planArbitrary = fc.oneof(
  { weight: 12, arbitrary: plausiblePlan },
  { weight: 4, arbitrary: hostilePlan },
  { weight: 1, arbitrary: fc.anything() },
);

/** What one fuzz run found. */
export interface FuzzTally {
  cases: number;
  crashes: string[];
  wrongPasses: string[];
  lostProjects: string[];
  accepted: number;
}

const newTally = (): FuzzTally => ({
  cases: 0,
  crashes: [],
  wrongPasses: [],
  lostProjects: [],
  accepted: 0,
});

/** One plan case: validate (as an object and as file text), plan, render; judge the records. */
function planCase(input: unknown, tally: FuzzTally): void {
  tally.cases += 1;
  try {
    const r = validatePlan(input);
    loadPlan(`\uFEFF${JSON.stringify(input)}`);
    if (!r.ok) {
      if (typeof r.message !== 'string' || r.message === '' || typeof r.field !== 'string')
        tally.crashes.push(`no message for ${JSON.stringify(input).slice(0, 200)}`);
      return;
    }
    tally.accepted += 1;
    const records = planRecords(r.plan);
    renderZone(records, r.plan.domain);
    for (const rec of records) {
      if (rec.type !== 'TXT') continue;
      if (rec.name.startsWith('_dmarc.')) {
        const d = parseDmarc(rec.value);
        const expected = new Set([
          'v',
          'p',
          'sp',
          'np',
          'adkim',
          'aspf',
          'fo',
          'rua',
          'ruf',
          't',
          'psd',
        ]);
        const bad = Object.keys(d.tags).filter((t) => !expected.has(t));
        if (!d.valid || bad.length > 0 || d.problems.some((p) => p.code === 'bad-uri'))
          tally.wrongPasses.push(`DMARC ${rec.value} from ${JSON.stringify(input).slice(0, 200)}`);
      } else if (/^v=spf1/i.test(rec.value) && !parseSpf(rec.value).valid) {
        tally.wrongPasses.push(`SPF ${rec.value} from ${JSON.stringify(input).slice(0, 200)}`);
      }
    }
  } catch (e) {
    tally.crashes.push(`${(e as Error).message} for ${JSON.stringify(input).slice(0, 200)}`);
  }
}

/** Run `count` plan cases from a seed. */
export function fuzzPlans(count: number, seed: number, tally: FuzzTally = newTally()): FuzzTally {
  fc.assert(
    fc.property(
      fc.oneof({ weight: 9, arbitrary: planArbitrary }, { weight: 1, arbitrary: fc.anything() }),
      (input) => {
        planCase(input, tally);
      },
    ),
    { numRuns: count, seed },
  );
  return tally;
}

// Calls that only the desktop app answers, and none that reach the network beyond loopback.
const CALLS = CALL_NAMES.filter((n) => n !== 'export.save' && n !== 'app.notify');

/** The API on a temp data folder, with lookups and checks pointed at a closed loopback port. */
export function fuzzContext(dataDir: string): ApiContext {
  const store = new ProjectStore(dataDir);
  const offline = { resolvers: ['127.0.0.1:9'], nsPort: 9, timeoutMs: 100 };
  return {
    version: 'fuzz',
    transport: 'http',
    store,
    events: new EventHub(),
    dns: offline,
    verify: new VerifyService(store, {
      options: { ...offline, noDnsbl: true, noSmtp: true, controlMx: 'none' },
      groups: async () => [],
    }),
  };
}

/** Payloads: anything, objects with the contract's keys holding anything, deep nesting. */
function payloadArbitrary(ids: readonly string[]) {
  const id = fc.oneof(fc.constantFrom(...(ids.length ? ids : ['abcdef12'])), nasty);
  return fc.oneof(
    fc.anything(),
    fc.record({ id, name: nasty }),
    fc.record({
      projectId: id,
      selector: nasty,
      keyType: fc.constantFrom('rsa', 'ed25519', 'dsa'),
    }),
    fc.record({ plan: hostilePlan, paper: fc.constantFrom('a4', 'letter', 'a3') }),
    fc.record({ domain: domainish, mailHost: domainish, name: domainish }),
    fc.record({
      project: fc.record({
        id,
        name: nasty,
        createdAt: nasty,
        updatedAt: nasty,
        step: fc.constantFrom('domain', 'server', 'records', 'nowhere'),
        draft: fc.dictionary(fc.string(), fc.oneof(nasty, fc.anything())),
      }),
    }),
    fc
      .integer({ min: 60, max: 3000 })
      .map((n) => JSON.parse(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) as unknown),
  );
}

/** Run `count` API calls through dispatch on a data folder; then every project file must parse. */
export async function fuzzApi(
  count: number,
  seed: number,
  dataDir: string,
  tally: FuzzTally = newTally(),
): Promise<FuzzTally> {
  const ctx = fuzzContext(dataDir);
  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) ids.push((await ctx.store.create(`Seed ${i}`)).id);
  const calls = fc.sample(
    fc.tuple(
      fc.oneof(
        { weight: 19, arbitrary: fc.constantFrom(...CALLS) },
        { weight: 1, arbitrary: nasty },
      ),
      payloadArbitrary(ids),
    ),
    { numRuns: count, seed },
  );
  // A promise nobody handles would end `mailwright serve`: count it as a crash of this run.
  const onUnhandled = (e: unknown): void => {
    tally.crashes.push(`unhandled rejection: ${(e as Error)?.message ?? String(e)}`);
  };
  process.on('unhandledRejection', onUnhandled);
  for (const [name, payload] of calls) {
    tally.cases += 1;
    try {
      const r = await dispatch(name, payload, ctx);
      if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean')
        tally.crashes.push(`${name}: not a Result`);
      else if (!r.ok && (r.error.code === 'internal' || r.error.message === ''))
        tally.crashes.push(
          `${name}: ${r.error.message} for ${JSON.stringify(payload)?.slice(0, 200)}`,
        );
      else if (r.ok && name === 'projects.create') ids.push((r.value as { id: string }).id);
    } catch (e) {
      tally.crashes.push(`${name} threw ${(e as Error).message}`);
    }
  }
  await new Promise((r) => setTimeout(r, 50));
  process.off('unhandledRejection', onUnhandled);
  tally.lostProjects.push(...(await unreadableProjects(ctx.store)));
  return tally;
}

/** Project files that do not parse, and temp files a save left. */
async function unreadableProjects(store: ProjectStore): Promise<string[]> {
  const out: string[] = [];
  let names: string[] = [];
  try {
    names = await readdir(store.projectsDir);
  } catch {
    return out;
  }
  for (const name of names) {
    const files = await readdir(join(store.projectsDir, name));
    for (const f of files) if (f.endsWith('.tmp')) out.push(`${name}/${f} left behind`);
    if (!files.includes('project.json')) continue;
    try {
      parseProjectFile(await readFile(join(store.projectsDir, name, 'project.json'), 'utf8'));
    } catch (e) {
      out.push(`${name}: ${(e as Error).message}`);
    }
  }
  return out;
}
