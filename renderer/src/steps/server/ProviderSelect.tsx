import { useId, type ReactNode } from 'react';

/** A provider to choose from a list (VPS host, mail software), with a hint about the choice. */
export function ProviderSelect({
  label,
  value,
  onChange,
  placeholder,
  options,
  hint,
  children,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  /** The empty first option, e.g. "Choose your VPS host…". */
  placeholder: string;
  options: { id: string; name: string }[];
  /** What the choice decides, or what the chosen one does (the select's description). */
  hint: string;
  /** More hints after the description. */
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-help`}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <p className="hint" id={`${id}-help`}>
        {hint}
      </p>
      {children}
    </div>
  );
}
