import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocumentSchema, type CheckDocument } from '../../../shared/checks/verify-progress';
import { REAL_PLANS, REAL_ZONES } from '../../fixtures/zones/real-world';
import { startDnsWorld, type DnsWorld } from './dns-world';
import { pdfText, squash } from '../export/pdf-tools';

// Issue #11's real-world setups through the real command line, as a user scripting it would run
// it: `mailwright check --json` (and `export`) against Knot behind Unbound on loopback. The JSON
// `evidence` must name what the user has to look at: the chain, the record that applies, the
// broken include.

const run = promisify(execFile);
const ENTRY = join(import.meta.dirname, '../../../main/cli/index.ts');
const PLANS = ['shop', 'dangling', 'news', 'spfNone'] as const;

let world: DnsWorld;
let dir: string;
const docs: Partial<Record<(typeof PLANS)[number], CheckDocument>> = {};

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      cwd: join(import.meta.dirname, '../../..'),
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const network = () => [
  '--resolver',
  world.unbound.address,
  '--ns-port',
  String(world.nsPort),
  '--no-smtp',
  '--no-dnsbl',
  '--timeout',
  '5000',
];

beforeAll(async () => {
  world = await startDnsWorld(REAL_ZONES, { noDnsbl: true });
  dir = await mkdtemp(join(tmpdir(), 'mw-cli-real-'));
  await Promise.all(
    PLANS.map((name) => writeFile(join(dir, `${name}.json`), JSON.stringify(REAL_PLANS[name]))),
  );
  // One at a time, with a generous timeout: under load a slow answer must not turn into unknown.
  for (const name of PLANS) {
    const r = await cli(['check', '--plan', join(dir, `${name}.json`), '--json', ...network()]);
    expect(r.stderr, name).toBe('');
    docs[name] = checkDocumentSchema.parse(JSON.parse(r.stdout));
  }
}, 180_000);

afterAll(async () => {
  await world?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function finding(doc: (typeof PLANS)[number], check: string) {
  const found = (docs[doc]?.findings ?? []).filter((f) => f.check === check);
  expect(found, `${doc}: ${check}`).toHaveLength(1);
  return found[0]!;
}

type Answer = { view: string; outcome: string; chain?: string[] };
const answers = (evidence: unknown): Answer[] =>
  (evidence as { lookup: { answers: Answer[] } }).lookup.answers;

describe('mailwright check --json on real-world DNS', () => {
  it('DKIM delegated by CNAME to another zone: pass, the chain in every view of the evidence', () => {
    const present = finding('shop', 'dkim.present');
    expect(present.status).toBe('pass');
    const seen = answers(present.evidence);
    expect(seen.some((a) => a.view.startsWith('authoritative:'))).toBe(true);
    for (const a of seen) {
      expect(a.chain, a.view).toEqual([
        's1._domainkey.shop.test',
        's1.domainkey.u123.wl.mailservice.test',
      ]);
    }
  });

  it('a dangling chain: fail, the evidence names the link that breaks', () => {
    const present = finding('dangling', 'dkim.present');
    expect(present.status).toBe('fail');
    expect(present.evidence?.['brokenLink']).toEqual({
      kind: 'dangling',
      from: 's1._domainkey.dangling.test',
      to: 's1.domainkey.u999.wl.mailservice.test',
    });
  });

  it('a subdomain with inherited DMARC: pass, the evidence names the record that applies and its sp=', () => {
    const present = finding('news', 'dmarc.present');
    expect(present.status).toBe('pass');
    expect(present.evidence?.['applied']).toMatchObject({
      name: '_dmarc.corp.test',
      policy: { tag: 'sp', value: 'quarantine' },
      inherited: true,
    });
  });

  it('an include whose target has no SPF: fail, the evidence names the broken include', () => {
    expect(finding('spfNone', 'spf.authorizes').status).toBe('pass');
    const syntax = finding('spfNone', 'spf.syntax');
    expect(syntax.status).toBe('fail');
    expect(syntax.evidence?.['brokenInclude']).toMatchObject({
      term: 'include:nospf.mailservice.test',
      problem: 'no-spf',
    });
  });
});

describe('mailwright export for a subdomain sender', () => {
  it("plans no DMARC record of its own when the parent's applies, and says which one; names relative to the parent zone", async () => {
    const at = (f: string) => join(dir, f);
    const r = await cli([
      'export',
      '--plan',
      at('news.json'),
      '--zone',
      at('news.zone'),
      ...network(),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const zone = await readFile(at('news.zone'), 'utf8');
    // news.corp.test lives in the zone corp.test: its names are written relative to it.
    expect(zone).toMatch(/^\$ORIGIN corp\.test\.$/m);
    expect(zone).toMatch(/^news\s+\d+\s+IN\s+TXT\s+"v=spf1/m);
    expect(zone).not.toMatch(/_dmarc/);
    await writeFile(at('news-run.json'), JSON.stringify(docs.news));
    const ok = await cli([
      'export',
      '--plan',
      at('news.json'),
      '--results',
      at('news-run.json'),
      '--json',
      at('news-export.json'),
      '--pdf',
      at('news.pdf'),
      ...network(),
    ]);
    expect(ok.stderr).toBe('');
    const pdf = squash(await pdfText(at('news.pdf')));
    expect(pdf).toContain(squash('Which DMARC record applies'));
    expect(pdf).toContain(squash('news.corp.test needs no DMARC record of its own'));
    expect(pdf).toContain(squash('sp=quarantine'));
    const doc = JSON.parse(await readFile(at('news-export.json'), 'utf8')) as {
      zone: string;
      dmarc?: { needsOwn: boolean; at: string; policy: { tag: string; value: string } };
      records: { key: string }[];
      published: { dmarcInherited?: { at: string } };
    };
    expect(doc.zone).toBe('corp.test');
    expect(doc.published.dmarcInherited?.at).toBe('corp.test');
    expect(doc.dmarc).toMatchObject({
      needsOwn: false,
      at: 'corp.test',
      policy: { tag: 'sp', value: 'quarantine' },
    });
    expect(doc.records.map((x) => x.key)).not.toContain('dmarc');
  });
});
