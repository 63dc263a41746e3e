import { useId, useMemo } from 'react';
import { splitAddresses } from '../../../shared/model/draft-to-plan';
import { validateIpInput, type IpInputResult } from '../../../shared/model/ip-input';

/** The live verdict on one address field: every address checked, as the user types. */
export function checkAddresses(text: string, family: 'ipv4' | 'ipv6'): IpInputResult[] {
  return splitAddresses(text).map((a) => validateIpInput(a, family));
}

/** An IPv4 or IPv6 field with a message for every address typed (errors, warnings, the value used). */
export function AddressField({
  family,
  value,
  onChange,
  optional,
}: {
  family: 'ipv4' | 'ipv6';
  value: string;
  onChange: (v: string) => void;
  optional?: boolean;
}) {
  const id = useId();
  const results = useMemo(() => checkAddresses(value, family), [value, family]);
  const bad = results.some((r) => !r.ok);
  const good = results.filter((r) => r.ok).map((r) => r.value);
  const label = family === 'ipv4' ? 'IPv4 address' : 'IPv6 address';
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="optional"> (optional)</span> : null}
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={family === 'ipv4' ? '203.0.113.10' : '2001:db8::10'}
        autoComplete="off"
        spellCheck={false}
        inputMode={family === 'ipv4' ? 'decimal' : 'text'}
        aria-invalid={bad ? true : undefined}
        aria-describedby={`${id}-help`}
        data-testid={`${family}-input`}
      />
      <div id={`${id}-help`} aria-live="polite">
        {results.length === 0 ? (
          <p className="hint">
            {family === 'ipv4'
              ? "Your server's public IPv4 address: four numbers separated by dots, shown in your VPS host's control panel."
              : 'Leave empty if your server has no IPv6 address. It looks like 2001:db8::10.'}
          </p>
        ) : null}
        {results.map((r, i) =>
          !r.ok ? (
            <p className="field-error" key={`e${i}`} data-testid={`${family}-error`}>
              {r.message}
            </p>
          ) : r.message ? (
            <p className="field-warn" key={`w${i}`}>
              {r.message}
            </p>
          ) : null,
        )}
        {good.length > 0 && !bad ? (
          <p className="field-ok" data-testid={`${family}-ok`}>
            We will use {good.join(', ')}.
          </p>
        ) : null}
      </div>
    </div>
  );
}
