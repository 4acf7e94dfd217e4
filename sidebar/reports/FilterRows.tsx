import type { ColumnInfo } from '../../src/model/column-types';
import { Button } from '../ui/Button';
import { type FilterOp, type FilterRow, opsFor, valuesFor } from './report-form';

interface Props {
  columns: ColumnInfo[];
  filters: FilterRow[];
  invalid(path: string): 'true' | undefined;
  onChange(filters: FilterRow[]): void;
}

/** The report's filters: column, condition, and the value boxes that condition takes. */
export function FilterRows({ columns, filters, invalid, onChange }: Props) {
  const kindOf = (c: string) => columns.find((x) => x.name === c)?.kind;
  const set = (i: number, row: Partial<FilterRow>) =>
    onChange(filters.map((f, j) => (j === i ? { ...f, ...row } : f)));

  const valueInput = (f: FilterRow, i: number, which: 'value' | 'value2') => {
    const kind = kindOf(f.column);
    const id = `filter-${i}-${which}`;
    const counting = f.op === 'last_days' || f.op === 'last_weeks' || f.op === 'last_months';
    const label = which === 'value2' ? `Filter ${i + 1}: up to` : `Filter ${i + 1}: value`;
    if (kind === 'boolean')
      return (
        <>
          <label class="visually-hidden" for={id}>
            {label}
          </label>
          <select id={id} value={f[which]} onChange={(e) => set(i, { [which]: e.currentTarget.value })}>
            <option value="">Choose…</option>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        </>
      );
    return (
      <>
        <label class="visually-hidden" for={id}>
          {label}
        </label>
        <input
          id={id}
          data-testid={id}
          type={counting || kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text'}
          placeholder={f.op === 'in' ? 'a, b, c' : counting ? 'N' : ''}
          value={f[which]}
          aria-invalid={invalid(`filters[${i}].${which === 'value2' ? 'to' : 'value'}`)}
          onInput={(e) => set(i, { [which]: e.currentTarget.value })}
        />
      </>
    );
  };

  return (
    <fieldset class="builder-part" data-testid="filters">
      <legend>Only rows where</legend>
      {filters.map((f, i) => (
        <div class="builder-row" key={i}>
          <div class="inline">
            <label class="visually-hidden" for={`filter-${i}`}>
              Filter {i + 1}: column
            </label>
            <select
              id={`filter-${i}`}
              data-testid={`filter-${i}`}
              value={f.column}
              aria-invalid={invalid(`filters[${i}].column`)}
              onChange={(e) => {
                const column = e.currentTarget.value;
                set(i, { column, op: opsFor(kindOf(column))[0].value, value: '', value2: '' });
              }}
            >
              {columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
            <Button
              small
              label={`Remove filter ${i + 1}`}
              onClick={() => onChange(filters.filter((_, j) => j !== i))}
            >
              ✕
            </Button>
          </div>
          <div class="inline">
            <label class="visually-hidden" for={`filter-${i}-op`}>
              Filter {i + 1}: condition
            </label>
            <select
              id={`filter-${i}-op`}
              data-testid={`filter-${i}-op`}
              value={f.op}
              onChange={(e) => set(i, { op: e.currentTarget.value as FilterOp })}
            >
              {opsFor(kindOf(f.column)).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {valuesFor(f.op) >= 1 && valueInput(f, i, 'value')}
            {valuesFor(f.op) === 2 && valueInput(f, i, 'value2')}
          </div>
        </div>
      ))}
      <Button
        small
        testId="add-filter"
        disabled={!columns.length}
        onClick={() => {
          const c = columns[0];
          onChange([...filters, { column: c.name, op: opsFor(c.kind)[0].value, value: '', value2: '' }]);
        }}
      >
        Add a filter
      </Button>
    </fieldset>
  );
}
