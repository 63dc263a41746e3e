import type { DnsView } from '../../dns/types';
import { DEFAULT_DNSBLS, listForZone, type DnsblList } from '../../../shared/checks/dnsbl-lists';
import { answerLists } from '../../../shared/checks/dnsbl-checks';
import type { DnsblObservation, DnsblQuery } from '../../../shared/checks/observations';
import type { Lookup } from '../../../shared/checks/dns-observation';
import { dnsblQueryName } from './dnsbl-query-name';

/** What the block-list probe needs. */
export interface DnsblProbeInput {
  ips: string[];
  domain: string;
  /** `--dnsbl` zones replacing the defaults ("ZONE" for an IP list, "domain:ZONE" for a domain list). */
  zones?: string[];
  /** Spamhaus DQS key: Spamhaus lists are asked through DQS, which answers any resolver. */
  dqsKey?: string;
  /** The resolver that asks (the system's when there is one: lists refuse public resolvers). */
  view: DnsView;
  signal?: AbortSignal;
}

/** The lists of a run: `--dnsbl` zones, else the defaults (with DQS zones when a key is set). */
export function listsFor(zones: string[] | undefined, dqsKey?: string): DnsblList[] {
  const base = zones && zones.length > 0 ? zones.map(listForZone) : [...DEFAULT_DNSBLS];
  if (!dqsKey) return base;
  return base.map((l) => (l.dqsZone ? { ...l, zone: l.dqsZone.replace('{key}', dqsKey) } : l));
}

async function ask(
  view: DnsView,
  name: string,
  type: 'A' | 'TXT',
  signal?: AbortSignal,
): Promise<Lookup> {
  const answer = await view.query(name, type, signal);
  return { name, type, answers: [{ view: view.id, kind: view.kind, label: view.label, answer }] };
}

/**
 * Ask every list about every server IP and the domain, all at once (the DNS layer bounds the
 * concurrency). A listed answer is followed by its TXT, which usually carries the reason.
 */
export async function probeDnsbl(input: DnsblProbeInput): Promise<DnsblObservation> {
  const lists = listsFor(input.zones, input.dqsKey);
  const jobs: Promise<DnsblQuery>[] = [];
  for (const list of lists) {
    const subjects = list.kind === 'ip' ? input.ips : [input.domain];
    for (const subject of subjects) {
      jobs.push(
        (async () => {
          const name = dnsblQueryName(subject, list.zone, list.kind);
          const a = await ask(input.view, name, 'A', input.signal);
          const q: DnsblQuery = { list: list.id, zone: list.zone, subject, a };
          const first = a.answers[0]?.answer;
          if (first && answerLists(first)) q.txt = await ask(input.view, name, 'TXT', input.signal);
          return q;
        })(),
      );
    }
  }
  return { queries: await Promise.all(jobs) };
}
