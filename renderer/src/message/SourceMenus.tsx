import { SOURCE_MENUS } from '../../../shared/providers/mailbox-providers';
import { SourceList } from '../components/SourceList';

/** Where each mailbox provider shows a message's full text, with the sources of those steps. */
export function SourceMenus() {
  return (
    <details className="card source-menus">
      <summary>Where to find the full text of a message</summary>
      <ol className="provider-list">
        {SOURCE_MENUS.map((f) => (
          <li key={f.value.provider}>
            <h2>{f.value.name}</h2>
            <ol>
              {f.value.steps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
            <p>{f.value.then}</p>
            <SourceList sources={[f]} />
          </li>
        ))}
      </ol>
    </details>
  );
}
