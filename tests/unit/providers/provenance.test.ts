import { describe, expect, it } from 'vitest';
import { DNS_HOSTS } from '../../../shared/providers/dns-hosts';
import {
  CERTAINTIES,
  RESEARCH_CHECKED,
  RESEARCH_NOTE,
  describeProvenance,
  type Provenance,
} from '../../../shared/providers/provider-fact';
import { VPS_HOSTS } from '../../../shared/providers/vps-hosts';
import { listFacts } from './provider-fact-list';

function facts(value: unknown, path: string): [string, Provenance & { value?: unknown }][] {
  return listFacts(value, path).map(({ path: p, fact }) => [p, fact]);
}

const ALL = [...facts(DNS_HOSTS, 'dns'), ...facts(VPS_HOSTS, 'vps')];

describe('no provider fact without a source', () => {
  it('finds the facts (sanity)', () => {
    expect(ALL.length).toBeGreaterThan(150);
  });

  it.each(ALL)('%s has a certainty, a source and a check date', (_path, fact) => {
    expect(CERTAINTIES).toContain(fact.certainty);
    expect(fact.source.trim().length).toBeGreaterThan(10);
    expect(fact.checked).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
  });

  it('known facts have a value; unknown facts have none and say what is unknown', () => {
    for (const [path, fact] of ALL) {
      if (fact.certainty === 'unknown') {
        expect(fact.value, path).toBeUndefined();
        expect(fact.note?.length ?? 0, path).toBeGreaterThan(10);
      } else {
        expect(fact.value, path).toBeDefined();
      }
    }
  });

  it('a fact dated only by the research month carries a note: the research-notes remark or its own caveat', () => {
    for (const [path, fact] of ALL) {
      if (fact.certainty !== 'unknown' && fact.checked === RESEARCH_CHECKED) {
        expect(fact.note?.length ?? 0, path).toBeGreaterThan(10);
      }
    }
    expect(ALL.some(([, f]) => f.note === RESEARCH_NOTE)).toBe(true);
  });

  it('every DNS and VPS host has every fact field filled (known or unknown)', () => {
    for (const host of Object.values(DNS_HOSTS)) {
      for (const f of [
        host.nameServers,
        host.nameField,
        host.txt,
        host.target,
        host.mxPriority,
        host.zoneImport,
      ]) {
        expect(['documented', 'reported', 'unknown'], host.id).toContain(f.certainty);
      }
    }
    for (const host of Object.values(VPS_HOSTS)) {
      for (const f of [host.ptr, host.ptrPrerequisites, host.ipv6, host.port25]) {
        expect(['documented', 'reported', 'unknown'], host.id).toContain(f.certainty);
      }
    }
  });

  it('the "other" hosts claim nothing', () => {
    expect(facts(DNS_HOSTS.other, 'dns.other').every(([, f]) => f.certainty === 'unknown')).toBe(
      true,
    );
    expect(facts(VPS_HOSTS.other, 'vps.other').every(([, f]) => f.certainty === 'unknown')).toBe(
      true,
    );
  });

  it('the source line reads plainly', () => {
    expect(describeProvenance(VPS_HOSTS.linode.port25)).toBe(
      `Source: Linode blog "A New Policy to Help Fight Spam" (2019-11-05) (checked 2026-11; from the provider's documentation).`,
    );
    expect(describeProvenance(VPS_HOSTS.contabo.ptr)).toContain('not found in our research');
  });
});
