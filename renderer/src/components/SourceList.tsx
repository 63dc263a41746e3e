import { describeProvenance, type Provenance } from '../../../shared/providers/provider-fact';

/** Where the facts behind a procedure come from, one line each. */
export function SourceList({ sources }: { sources: Provenance[] }) {
  const lines = [...new Set(sources.map(describeProvenance))];
  return (
    <details className="sources">
      <summary>Where this comes from</summary>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </details>
  );
}
