import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Draft } from '../../../shared/model/project';
import type { SecurityChoices, SecurityPart } from '../../../shared/model/security-choices';
import { Term } from '../components/Term';
import { withPart } from './secure-choices';

/** The four parts the user may choose, each with its plain-words promise. */
const PARTS: { part: SecurityPart; label: ReactNode }[] = [
  {
    part: 'mtaSts',
    label: (
      <>
        <Term id="mtasts">MTA-STS</Term>: other servers deliver to you only over verified encryption
      </>
    ),
  },
  {
    part: 'tlsRpt',
    label: (
      <>
        <Term id="tlsrpt">TLS-RPT</Term>: daily reports of connections that could not be encrypted
      </>
    ),
  },
  {
    part: 'dane',
    label: (
      <>
        <Term id="dane">DANE</Term>: publish your server's key (needs{' '}
        <Term id="dnssec">DNSSEC</Term>)
      </>
    ),
  },
  {
    part: 'caa',
    label: (
      <>
        <Term id="caa">CAA</Term>: only your certificate authority may issue certificates
      </>
    ),
  },
];

/** "What do you want to set up?": one checkbox per part; ticking adds it with its defaults. */
export function SecureChoices(props: {
  projectId: string;
  section: Draft['security'];
  choices: SecurityChoices;
  update: (patch: Partial<Draft>) => void;
}) {
  const { section, choices, update } = props;
  return (
    <fieldset className="card" data-testid="secure-choices">
      <legend className="card-title">What do you want to set up?</legend>
      {PARTS.map(({ part, label }) => (
        <div className="field checkbox" key={part}>
          <label>
            <input
              type="checkbox"
              checked={choices[part] !== undefined}
              onChange={(e) => update(withPart(section, part, e.target.checked ? true : undefined))}
            />{' '}
            {label}
          </label>
        </div>
      ))}
      <p className="hint">
        What you choose here adds records to the{' '}
        <Link to={`/p/${props.projectId}/records`}>Records step</Link>, the zone file and the PDF.
        What you do not choose is checked only for information, never shown as a problem.
      </p>
    </fieldset>
  );
}
