/** A labelled group of radio buttons (native, so arrow keys and screen readers work as Windows users expect). */

/** One choice of the group. */
export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

/** Props of the radio group. */
export interface RadioGroupProps {
  name: string;
  legend: React.ReactNode;
  options: RadioOption[];
  value: string | null;
  onChange: (value: string) => void;
}

/** A fieldset of radio buttons with a legend. */
export function RadioGroup({ name, legend, options, value, onChange }: RadioGroupProps) {
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div className="radio" key={o.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
            />
            <label htmlFor={id}>{o.label}</label>
            {o.hint && (
              <p className="hint" id={`${id}-hint`}>
                {o.hint}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
