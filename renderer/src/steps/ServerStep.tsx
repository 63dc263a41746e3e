import { useId, useMemo } from 'react';
import type { Project } from '../../../shared/model/project';
import {
  MAIL_SOFTWARE,
  MAIL_SOFTWARE_IDS,
  findMailSoftware,
} from '../../../shared/providers/mail-software';
import { SENDERS, SENDER_IDS } from '../../../shared/providers/senders';
import {
  VPS_HOSTS,
  VPS_HOST_IDS,
  getVpsHost,
  port25PolicyOf,
} from '../../../shared/providers/vps-hosts';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import { normalizeMailHostInput } from '../../../shared/model/mail-host-input';
import { AddressField, checkAddresses } from '../components/AddressField';
import { MailHostAddresses } from '../components/MailHostAddresses';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft } from '../hooks/use-draft';

/** What the chosen VPS host does with outgoing port 25, in one sentence. */
function port25Hint(id: string): string | null {
  if (!id) return null;
  const host = getVpsHost(id);
  switch (port25PolicyOf(host)) {
    case 'blocked-unblock-on-request':
      return `${host.name} blocks outgoing mail (port 25) until you ask to open it: the Reverse DNS step has the request, ready to send.`;
    case 'blocked-no-exceptions':
      return `${host.name} blocks outgoing port 25 and does not open it: the Reverse DNS step explains how to send through a relay instead.`;
    case 'reactive':
      return `${host.name} leaves port 25 open, but blocks an address that sends spam.`;
    case 'open':
      return `${host.name} does not block outgoing port 25.`;
    default:
      return `We do not know whether ${host.name === 'Another VPS host' ? 'your host' : host.name} blocks port 25; the Reverse DNS step tells you how to find out.`;
  }
}

/** Server: the server's addresses, what it does, who hosts it, what software runs on it. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function ServerStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const vpsId = useId();
  const softwareId = useId();
  const otherId = useId();
  const v4 = useMemo(() => checkAddresses(draft.ipv4, 'ipv4'), [draft.ipv4]);
  const v6 = useMemo(() => checkAddresses(draft.ipv6, 'ipv6'), [draft.ipv6]);
  const software = draft.mailSoftware ? findMailSoftware(draft.mailSoftware) : undefined;
  const blocker =
    v4.length + v6.length === 0
      ? "Enter your server's IPv4 address to go on."
      : [...v4, ...v6].some((r) => !r.ok)
        ? 'Fix the address above to go on.'
        : draft.senders.includes('other') && draft.otherSenderInclude.trim() === ''
          ? 'Give the SPF include of your other sending service, or untick it.'
          : null;
  const hint = port25Hint(draft.vpsHost);
  const mailHost = useMemo(() => {
    const d = normalizeDomainInput(draft.domain);
    if (!d.ok) return null;
    const h = normalizeMailHostInput(draft.mailHostLabel, d.domain);
    return h.ok ? h.mailHost : null;
  }, [draft.domain, draft.mailHostLabel]);

  const toggleSender = (id: string, on: boolean) =>
    update({
      senders: on ? [...draft.senders, id] : draft.senders.filter((s) => s !== id),
    });

  return (
    <section aria-labelledby="server-title">
      <h1 id="server-title">Server</h1>
      <p className="lead">
        Tell us about the server that will send your mail: its public addresses, the company that
        rents it to you, and the mail software on it.
      </p>

      <h2>Addresses</h2>
      {mailHost ? (
        <MailHostAddresses
          mailHost={mailHost}
          auto={`${draft.ipv4}${draft.ipv6}`.trim() === ''}
          entered={[...v4, ...v6].flatMap((r) => (r.ok ? [r.value] : []))}
          onUse={(found) =>
            update({
              ...(found.ipv4.length ? { ipv4: found.ipv4.join(', ') } : {}),
              ...(found.ipv6.length ? { ipv6: found.ipv6.join(', ') } : {}),
            })
          }
        />
      ) : null}
      <AddressField family="ipv4" value={draft.ipv4} onChange={(ipv4) => update({ ipv4 })} />
      <AddressField
        family="ipv6"
        value={draft.ipv6}
        onChange={(ipv6) => update({ ipv6 })}
        optional
      />

      <h2>Providers</h2>
      <div className="field">
        <label htmlFor={vpsId}>Your VPS host</label>
        <select
          id={vpsId}
          value={draft.vpsHost}
          onChange={(e) => update({ vpsHost: e.target.value })}
          aria-describedby={`${vpsId}-help`}
        >
          <option value="">Choose your VPS host…</option>
          {VPS_HOST_IDS.map((id) => (
            <option key={id} value={id}>
              {VPS_HOSTS[id].name}
            </option>
          ))}
        </select>
        <p className="hint" id={`${vpsId}-help`}>
          {hint ??
            'It decides how you get reverse DNS set and whether outgoing mail (port 25) is blocked.'}
        </p>
        <p className="hint">
          Your <Term id="vps">VPS host</Term> is the company you rent the server from.
        </p>
      </div>

      <div className="field">
        <label htmlFor={softwareId}>Mail software</label>
        <select
          id={softwareId}
          value={draft.mailSoftware}
          onChange={(e) => update({ mailSoftware: e.target.value })}
          aria-describedby={`${softwareId}-help`}
        >
          <option value="">Choose your mail software…</option>
          {MAIL_SOFTWARE_IDS.map((id) => (
            <option key={id} value={id}>
              {MAIL_SOFTWARE[id].name}
            </option>
          ))}
        </select>
        <p className="hint" id={`${softwareId}-help`}>
          {software?.summary ??
            'It decides where your DKIM key comes from. Not installed yet? Choose what you plan to use.'}
        </p>
      </div>

      <fieldset className="field choices">
        <legend>Other services that send mail as your domain</legend>
        <p className="hint">
          Tick every service that sends mail with your addresses (newsletters, office mail,
          invoices). Each is added to your <Term id="spf">SPF</Term> record, so receivers trust it.
        </p>
        <div className="checkbox-grid">
          {SENDER_IDS.map((id) => (
            <label key={id} className="choice compact">
              <input
                type="checkbox"
                checked={draft.senders.includes(id)}
                onChange={(e) => toggleSender(id, e.target.checked)}
              />
              <span>{SENDERS[id].name}</span>
            </label>
          ))}
        </div>
        {draft.senders.includes('other') ? (
          <div className="field">
            <label htmlFor={otherId}>SPF include of the other service</label>
            <input
              id={otherId}
              value={draft.otherSenderInclude}
              onChange={(e) => update({ otherSenderInclude: e.target.value })}
              placeholder="spf.example-mailer.com"
              aria-describedby={`${otherId}-help`}
            />
            <p className="hint" id={`${otherId}-help`}>
              The service's help pages give it, often as "include:something".
            </p>
          </div>
        ) : null}
      </fieldset>

      <StepFooter projectId={project.id} step="server" blocker={blocker} />
    </section>
  );
}
