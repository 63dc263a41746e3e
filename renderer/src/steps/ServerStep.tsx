import { useMemo } from 'react';
import type { Project } from '../../../shared/model/project';
import {
  MAIL_SOFTWARE,
  MAIL_SOFTWARE_IDS,
  findMailSoftware,
} from '../../../shared/providers/mail-software';
import { VPS_HOSTS, VPS_HOST_IDS } from '../../../shared/providers/vps-hosts';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import { normalizeMailHostInput } from '../../../shared/model/mail-host-input';
import { AddressField, checkAddresses } from '../components/AddressField';
import { MailHostAddresses } from '../components/MailHostAddresses';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft } from '../hooks/use-draft';
import { OtherSenders } from './server/OtherSenders';
import { port25Hint } from './server/port25-hint';
import { ProviderSelect } from './server/ProviderSelect';

const VPS_OPTIONS = VPS_HOST_IDS.map((id) => ({ id, name: VPS_HOSTS[id].name }));
const SOFTWARE_OPTIONS = MAIL_SOFTWARE_IDS.map((id) => ({ id, name: MAIL_SOFTWARE[id].name }));

/** Server: the server's addresses, what it does, who hosts it, what software runs on it. */
export function ServerStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
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
  const mailHost = useMemo(() => {
    const d = normalizeDomainInput(draft.domain);
    if (!d.ok) return null;
    const h = normalizeMailHostInput(draft.mailHostLabel, d.domain);
    return h.ok ? h.mailHost : null;
  }, [draft.domain, draft.mailHostLabel]);

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
      <ProviderSelect
        label="Your VPS host"
        value={draft.vpsHost}
        onChange={(vpsHost) => update({ vpsHost })}
        placeholder="Choose your VPS host…"
        options={VPS_OPTIONS}
        hint={
          port25Hint(draft.vpsHost) ??
          'It decides how you get reverse DNS set and whether outgoing mail (port 25) is blocked.'
        }
      >
        <p className="hint">
          Your <Term id="vps">VPS host</Term> is the company you rent the server from.
        </p>
      </ProviderSelect>

      <ProviderSelect
        label="Mail software"
        value={draft.mailSoftware}
        onChange={(mailSoftware) => update({ mailSoftware })}
        placeholder="Choose your mail software…"
        options={SOFTWARE_OPTIONS}
        hint={
          software?.summary ??
          'It decides where your DKIM key comes from. Not installed yet? Choose what you plan to use.'
        }
      />

      <OtherSenders
        senders={draft.senders}
        otherInclude={draft.otherSenderInclude}
        update={update}
      />

      <StepFooter projectId={project.id} step="server" blocker={blocker} />
    </section>
  );
}
