import { Popover } from './Popover';

export type FacetOption = { value: string; label: string; count: number };

type Props = {
  facet: string;
  label: string;
  options: FacetOption[];
  selected: readonly string[];
  onToggle(value: string): void;
  onClear(): void;
};

/** One filter: values to tick, each with the number of incidents choosing it would show. */
export function FacetMenu({ facet, label, options, selected, onToggle, onClear }: Props) {
  return (
    <Popover
      name={label}
      testId={`facet-${facet}`}
      active={selected.length > 0}
      label={selected.length > 0 ? `${label} · ${selected.length}` : label}
    >
      <ul className="facet__list">
        {options.map((o) => (
          <li key={o.value}>
            <label className="facet__option" data-testid="facet-option" data-value={o.value}>
              <input
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={() => onToggle(o.value)}
              />
              <span className="facet__label">{o.label}</span>
              <span className="facet__count" data-testid="facet-count">
                {o.count}
              </span>
            </label>
          </li>
        ))}
        {options.length === 0 && <li className="muted">Нет значений</li>}
      </ul>
      {selected.length > 0 && (
        <button type="button" onClick={onClear}>
          Снять отбор
        </button>
      )}
    </Popover>
  );
}
