import type { Plan } from '../../shared/model/plan';
import { port25Procedure } from '../../shared/providers/port25-request';
import { ptrProcedure } from '../../shared/providers/ptr-request';
import type { ProviderRequestInput } from '../../shared/providers/request-input';
import { getVpsHost } from '../../shared/providers/vps-hosts';
import type { ProviderRequest } from './setup-summary';

function requestInput(plan: Plan): ProviderRequestInput {
  return {
    domain: plan.domain,
    mailHost: plan.mailHost,
    ipv4: plan.ipv4,
    ipv6: plan.ipv6,
    vpsHostId: plan.vpsHost ?? 'other',
  };
}

/** The VPS host's name for the cover, when the plan names one. */
export function vpsHostName(plan: Plan): string | undefined {
  return plan.vpsHost === undefined ? undefined : getVpsHost(plan.vpsHost).name;
}

/** The reverse-DNS request for the plan's VPS host (the provider catalogue's procedure). */
export function ptrRequestFor(plan: Plan): ProviderRequest | undefined {
  if (plan.ipv4.length + plan.ipv6.length === 0) return undefined;
  const p = ptrProcedure(requestInput(plan));
  const known = p.hostId !== 'other';
  const request: ProviderRequest = {
    title: known ? `Set the reverse DNS at ${p.hostName}` : 'Set the reverse DNS at your VPS host',
    steps: [...p.prerequisites, ...p.steps],
  };
  if (p.notes.length > 0) request.notes = p.notes;
  if (p.kind === 'ticket' || p.kind === 'unknown') request.text = p.text;
  return request;
}

/**
 * The outgoing port 25 request, where it is relevant: the host opens the port only on request,
 * never opens it (then: use a relay), or our research does not know.
 */
export function port25RequestFor(plan: Plan): ProviderRequest | undefined {
  if (plan.ipv4.length + plan.ipv6.length === 0) return undefined;
  const p = port25Procedure(requestInput(plan));
  const name = p.hostId !== 'other' ? p.hostName : 'your VPS host';
  switch (p.kind) {
    case 'open':
    case 'reactive':
      return undefined;
    case 'no-exceptions':
      return {
        title: `Send through a relay: ${name} keeps port 25 closed`,
        intro: p.message,
        steps: p.relaySteps,
        ...(p.notes.length > 0 ? { notes: p.notes } : {}),
      };
    case 'request':
      return {
        title: `Ask ${name} to open outgoing port 25`,
        intro: `${name} blocks outgoing mail (port 25) until you ask. Without it, your server cannot deliver mail to anyone.`,
        ...(p.conditions.length > 0 ? { conditions: p.conditions } : {}),
        steps: p.steps,
        text: p.text,
        ...(p.notes.length > 0 ? { notes: p.notes } : {}),
      };
    case 'unknown':
      return {
        title: `Check whether ${name} blocks outgoing port 25`,
        intro:
          'Many hosts block outgoing mail (port 25) on new servers until you ask. Without it, your server cannot deliver mail to anyone.',
        steps: p.steps,
        text: p.text,
        ...(p.notes.length > 0 ? { notes: p.notes } : {}),
      };
  }
}
