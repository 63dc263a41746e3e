import type { Finding } from '../../../shared/checks/finding';
import { CHECKS } from '../../../shared/checks/catalogue';
import { shownName } from '../../../shared/model/shown-name';
import { foldAlikeUnknowns } from '../../../shared/summary/alike-unknowns';
import { whenWords } from '../../../shared/summary/date-words';
import { STATUS_URGENCY } from '../../../shared/summary/status-words';
import { sentence } from '../app/sentence';
import { pasteFixFor } from '../../../shared/summary/finding-paste';
import { StatusBadge } from '../components/StatusBadge';
import { TermsUsed } from '../components/TermsUsed';
import { PasteFix } from '../fixes/PasteFix';
import { useOpenRecords } from '../hooks/use-open-records';
import { FixText } from '../components/FixText';

const NEEDS_ATTENTION = new Set(['fail', 'pending', 'warn', 'unknown']);
const CHECK_TITLES = new Map<string, string>(CHECKS.map((c) => [c.id, c.title]));

/** "DKIM key published, about default._domainkey.example.com" for a folded list. */
function whichCheck(f: Finding): string {
  return `${CHECK_TITLES.get(f.check) ?? f.check}, about ${shownName(f.subject)}`;
}

/** The findings that need the user, most urgent first, each with what to do. */
export function AttentionList({ findings }: { findings: readonly Finding[] }) {
  const items = foldAlikeUnknowns(
    findings
      .filter((f) => NEEDS_ATTENTION.has(f.status))
      .sort((a, b) => STATUS_URGENCY.indexOf(a.status) - STATUS_URGENCY.indexOf(b.status)),
  );
  const open = useOpenRecords();
  if (items.length === 0) return null;
  return (
    <ul className="summary-attention" data-testid="attention">
      {items.map(({ finding: f, alike }) => {
        const paste = open ? pasteFixFor(f, open.records) : undefined;
        // Where the checker's fix gives terminal commands, the Summary shows it in words.
        const fix = f.ownerFix ?? f.fix;
        return (
          <li key={`${f.check}:${f.subject}`}>
            <StatusBadge status={f.status} /> <strong>{sentence(f.title)}</strong>
            {f.status === 'pending' ? <span> ({shownName(f.subject)})</span> : null}
            {f.status === 'unknown' && alike.length === 0 ? (
              <span className="muted"> ({whichCheck(f)})</span>
            ) : null}
            {paste && open ? (
              <PasteFix fix={paste} open={open} />
            ) : fix ? (
              <span>
                {' '}
                <FixText text={fix} />
              </span>
            ) : null}
            {f.status === 'pending' && f.eta ? (
              <span> It should be visible everywhere by {whenWords(f.eta)}.</span>
            ) : null}
            {alike.length > 0 ? (
              <details className="alike-checks">
                <summary>Which checks ({alike.length + 1})</summary>
                <ul>
                  {[f, ...alike].map((a) => (
                    <li key={`${a.check}:${a.subject}`}>{whichCheck(a)}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            <TermsUsed texts={[f.title, fix]} />
          </li>
        );
      })}
    </ul>
  );
}
