import type { Project } from '../../../shared/model/project';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch';
import { EventHub } from '../../../main/api/event-hub';
import type { ApiContext } from '../../../main/api/context';
import { ProjectStore } from '../../../main/store/project-store';
import { VerifyService } from '../../../main/verify/verify-service';
import type { CheckDocument, VerifyProgress } from '../../../shared/checks/verify-progress';
import type { RunSummary } from '../../../shared/checks/run-summary';
import { PLANS, ZONES } from '../../fixtures/zones/scenarios';
import { startSilentDns, type SilentDns } from '../../peers/silent-dns';
import { startDnsWorld, type DnsWorld } from './dns-world';

// verify.run / verify.cancel / verify.progress / runs.list / runs.get through the contract's
// dispatcher, against Knot + Unbound, with run history on disk.

let world: DnsWorld;
let silent: SilentDns;
let dir: string;
let ctx: ApiContext;
const events: { runId: string; progress: VerifyProgress }[] = [];

beforeAll(async () => {
  world = await startDnsWorld(ZONES, { noDnsbl: true });
  silent = await startSilentDns();
  dir = await mkdtemp(join(tmpdir(), 'mw-verify-api-'));
  const store = new ProjectStore(dir);
  const hub = new EventHub();
  hub.subscribe((name, payload) => {
    if (name === 'verify.progress') events.push(payload as (typeof events)[number]);
  });
  ctx = {
    version: 'test',
    transport: 'http',
    store,
    events: hub,
    verify: new VerifyService(store, { options: world.options, groups: async () => [] }),
  };
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([
    world?.stop(),
    silent?.stop(),
    rm(dir, { recursive: true, force: true }),
  ]);
});

async function call<T>(name: string, payload: unknown): Promise<T> {
  const r = await dispatch(name, payload, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('verification over the contract', () => {
  it('runs a plan, streams progress with the run id, stores the run, lists and reads it back', async () => {
    const project = await call<{ id: string }>('projects.create', { name: 'Good' });
    const res = await call<{ runId: string; stored: string; document: CheckDocument }>(
      'verify.run',
      { projectId: project.id, plan: PLANS.good, runId: 'run-good-1' },
    );
    expect(res.runId).toBe('run-good-1');
    expect(res.document.domain).toBe('good.test');
    expect(res.document.summary.fail).toBe(0);

    const mine = events.filter((e) => e.runId === 'run-good-1');
    const started = mine.filter((e) => e.progress.type === 'check-started');
    const finished = mine.filter((e) => e.progress.type === 'check-finished');
    expect(started.length).toBeGreaterThan(20);
    expect(finished).toHaveLength(res.document.findings.length);
    // Each check starts before its finding arrives.
    const firstFinished = mine.findIndex(
      (e) => e.progress.type === 'check-finished' && e.progress.finding.check === 'spf.single',
    );
    const firstStarted = mine.findIndex(
      (e) => e.progress.type === 'check-started' && e.progress.check === 'spf.single',
    );
    expect(firstStarted).toBeGreaterThanOrEqual(0);
    expect(firstStarted).toBeLessThan(firstFinished);

    const files = await readdir(join(dir, 'projects', project.id, 'runs'));
    expect(files).toEqual([`${res.stored}.json`]);
    expect(res.stored).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/);

    const list = await call<{ runs: RunSummary[] }>('runs.list', { projectId: project.id });
    expect(list.runs).toHaveLength(1);
    expect(list.runs[0]?.summary).toEqual(res.document.summary);
    const again = await call<CheckDocument>('runs.get', {
      projectId: project.id,
      runId: res.stored,
    });
    expect(again).toEqual(res.document);

    // A second run is a second entry, newest first.
    const second = await call<{ stored: string }>('verify.run', {
      projectId: project.id,
      plan: PLANS.bad,
    });
    const list2 = await call<{ runs: RunSummary[] }>('runs.list', { projectId: project.id });
    expect(list2.runs.map((r) => r.id)).toEqual([second.stored, res.stored]);
  });

  it('cancels a running verification: the call still answers, with a cancelled document', async () => {
    const slow = new VerifyService(ctx.store, {
      options: { ...world.options, resolvers: [silent.address], timeoutMs: 10_000 },
      groups: async () => [],
    });
    const slowCtx = { ...ctx, verify: slow };
    const pending = dispatch('verify.run', { plan: PLANS.good, runId: 'run-slow-1' }, slowCtx);
    await new Promise((r) => setTimeout(r, 150));
    const c = await dispatch('verify.cancel', { runId: 'run-slow-1' }, slowCtx);
    expect(c).toEqual({ ok: true, value: { cancelled: true } });
    const t0 = Date.now();
    const r = await pending;
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.ok).toBe(true);
    const doc = (r as { ok: true; value: { document: CheckDocument } }).value.document;
    expect(doc.cancelled).toBe(true);
    expect(doc.findings.find((f) => f.check === 'host.a')?.status).toBe('unknown');
    expect(await dispatch('verify.cancel', { runId: 'run-slow-1' }, slowCtx)).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('checks a project by id alone, from the draft the wizard saved', async () => {
    const p = await call<Project>('projects.create', { name: 'From the wizard' });
    const good = PLANS.good!;
    const draft = {
      ...p.draft,
      domain: 'https://www.good.test/',
      mailHostLabel: 'mail',
      ipv4: good.ipv4!.join(', '),
      ipv6: good.ipv6!.join(' '),
      mode: 'send-receive' as const,
      senders: ['other'],
      otherSenderInclude: '_spf.senders.test',
      dkimSelector: 'mail',
      dkimPaste: `v=DKIM1; k=rsa; p=${good.dkim!.publicKey}`,
      dmarcPolicy: 'quarantine' as const,
      dmarcRua: 'dmarc@good.test',
    };
    await call('projects.save', { project: { ...p, draft } });
    const res = await call<{ document: CheckDocument; stored: string }>('verify.run', {
      projectId: p.id,
    });
    expect(res.document.domain).toBe('good.test');
    expect(res.document.summary.fail).toBe(0);
    expect(res.stored).toBeTruthy();
  });

  it('refuses a request without a plan or project, naming the field', async () => {
    const r = await dispatch('verify.run', {}, ctx);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.field).toBe('plan');
    const p = await call<{ id: string }>('projects.create', { name: 'Empty' });
    const r2 = await dispatch('verify.run', { projectId: p.id }, ctx);
    expect(!r2.ok && r2.error.code).toBe('no-plan');
    const r3 = await dispatch('runs.get', { projectId: p.id, runId: '../../etc/passwd' }, ctx);
    expect(!r3.ok && r3.error.code).toBe('bad-id');
  });
});
