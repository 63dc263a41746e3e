import { termsIn } from '../../../shared/summary/terms-in-text';
import { Term } from './Term';

/**
 * The technical words a finding still uses ("permerror", "HELO", "~all"...), each with its
 * explanation a click away, so the finding's own text can stay as the checker wrote it.
 */
export function TermsUsed({ texts }: { texts: readonly (string | undefined)[] }) {
  const ids = termsIn(...texts);
  if (ids.length === 0) return null;
  return (
    <p className="terms-used hint" data-testid="terms-used">
      Words used here:{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          <Term id={id} />
        </span>
      ))}
    </p>
  );
}
