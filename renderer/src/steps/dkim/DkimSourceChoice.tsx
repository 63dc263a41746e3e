/** Where the DKIM key comes from: pasted from the mail software, or made on this computer. */
export function DkimSourceChoice({
  source,
  canGenerate,
  softwareName,
  choose,
}: {
  source: 'paste' | 'generate';
  /** False when the mail software makes and uses its own key (a key made here would not match). */
  canGenerate: boolean;
  softwareName: string | undefined;
  choose: (source: 'paste' | 'generate') => void;
}) {
  return (
    <fieldset className="field choices">
      <legend>Where does the key come from?</legend>
      <label className="choice">
        <input
          type="radio"
          name="dkim-source"
          checked={source === 'paste'}
          onChange={() => choose('paste')}
        />
        <span>
          <strong>My mail software made it</strong>
          <span className="choice-text">Paste the record or key it shows you.</span>
        </span>
      </label>
      <label className="choice">
        <input
          type="radio"
          name="dkim-source"
          checked={source === 'generate'}
          disabled={!canGenerate}
          onChange={() => choose('generate')}
        />
        <span>
          <strong>Make a key on this computer</strong>
          <span className="choice-text">
            {canGenerate
              ? 'Mailwright makes the key pair and saves the private key as a file you copy to your server.'
              : `${softwareName ?? 'This software'} makes and uses its own key, so a key made here would not match. Paste its record instead.`}
          </span>
        </span>
      </label>
    </fieldset>
  );
}
