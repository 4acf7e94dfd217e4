import { useMemo, useState } from 'preact/hooks';
import type { ColumnInfo } from '../../src/model/column-types';
import type { ModelListing, ReportTable } from '../../src/model/model-api';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { describedBy, Field } from '../ui/Field';
import { useCall } from '../ui/use-call';
import { FilterRows } from './FilterRows';
import { PreviewTable } from './PreviewTable';
import {
  emptyForm,
  GRAINS,
  MEASURES,
  measureLabel,
  modelNameFor,
  outputColumns,
  type ReportForm,
  toDefinition,
} from './report-form';
import { useDebouncedPreview } from './use-debounced-preview';

/** The picker's two groups: what the sources synced, and what Tapdash already computed from it. */
const TABLE_GROUPS = [
  { kind: 'source', label: 'Your data' },
  { kind: 'model', label: 'Reports and metrics' },
] as const;

interface Props {
  tables: ReportTable[];
  /** The founder's saved reports: saving under one of their names replaces it. */
  saved: ReadonlyArray<Pick<ModelListing, 'name' | 'label'>>;
  /** A saved report opened for editing. */
  initial?: { form: ReportForm; title: string };
  /** Called after a save with the new tab's name and row count. */
  onSaved(): void;
}

/** The no-SQL report builder: pick, preview live, save as a summary tab. */
export function ReportBuilder({ tables, saved: savedNames, initial, onSaved }: Props) {
  const [form, setForm] = useState<ReportForm>(initial?.form ?? emptyForm(tables[0]?.name ?? ''));
  const [title, setTitle] = useState(initial?.title ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const columns: ColumnInfo[] = tables.find((t) => t.name === form.table)?.columns ?? [];
  const definition = useMemo(() => toDefinition(form, columns), [form, columns]);
  const { preview, error, busy } = useDebouncedPreview(form.table ? JSON.stringify(definition) : null, () =>
    call('previewReport', definition),
  );
  const problemAt = new Set((preview?.problems ?? []).map((p) => p.path));
  const name = modelNameFor(title);
  const save = useCall(async () => {
    await call('saveReport', { name, label: title.trim(), definition });
    // Build its tab now, so the founder sees the result at once.
    const refreshed = await call('refreshModels');
    return { outcome: refreshed.models.find((m) => m.name === name) };
  });

  const edit = (next: Partial<ReportForm>) => {
    setSaved(null);
    setForm({ ...form, ...next });
  };
  const set = <K extends 'dimensions' | 'measures'>(key: K, i: number, row: Partial<ReportForm[K][number]>) =>
    edit({ [key]: form[key].map((r, j) => (j === i ? { ...r, ...row } : r)) } as Partial<ReportForm>);
  const remove = (key: 'dimensions' | 'measures' | 'filters', i: number) =>
    edit({ [key]: form[key].filter((_, j) => j !== i) } as Partial<ReportForm>);
  const kindOf = (c: string) => columns.find((x) => x.name === c)?.kind;
  const invalid = (path: string) => (problemAt.has(path) ? 'true' : undefined);
  const titleProblem = title.trim() && !name ? 'Use at least one letter or digit in the name.' : null;
  const replaces = savedNames.find((r) => r.name === name);
  // A greyed button says why, so the founder is never left guessing.
  const cannotSave = !title.trim()
    ? 'Give the report a name to save it.'
    : titleProblem
      ? 'Fix the name to save it.'
      : !preview
        ? 'The preview is still running.'
        : preview.problems.length > 0
          ? 'Fix the problems listed under Preview to save it.'
          : null;

  return (
    <section aria-labelledby="builder-title" data-testid="report-builder">
      <h3 id="builder-title">Build a report</h3>
      <Field id="report-table" label="Table">
        <select
          id="report-table"
          data-testid="report-table"
          value={form.table}
          aria-invalid={invalid('table')}
          onChange={(e) => edit(emptyForm(e.currentTarget.value))}
        >
          {TABLE_GROUPS.map(({ kind, label }) => (
            <optgroup key={kind} label={label}>
              {tables
                .filter((t) => t.kind === kind)
                .map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </Field>

      <fieldset class="builder-part" data-testid="dimensions">
        <legend>Group by</legend>
        {form.dimensions.map((d, i) => (
          <div class="inline builder-row" key={i}>
            <label class="visually-hidden" for={`dim-${i}`}>
              Group by column {i + 1}
            </label>
            <select
              id={`dim-${i}`}
              data-testid={`dim-${i}`}
              value={d.column}
              aria-invalid={invalid(`dimensions[${i}].column`)}
              onChange={(e) => {
                const column = e.currentTarget.value;
                set('dimensions', i, { column, grain: kindOf(column) === 'date' ? 'month' : '' });
              }}
            >
              {columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
            {kindOf(d.column) === 'date' && (
              <>
                <label class="visually-hidden" for={`grain-${i}`}>
                  Time grain for {d.column}
                </label>
                <select
                  id={`grain-${i}`}
                  data-testid={`grain-${i}`}
                  value={d.grain}
                  onChange={(e) => set('dimensions', i, { grain: e.currentTarget.value as typeof d.grain })}
                >
                  {GRAINS.map((g) => (
                    <option key={g.value} value={g.value}>
                      {g.label}
                    </option>
                  ))}
                </select>
              </>
            )}
            <Button small label={`Remove group by ${d.column}`} onClick={() => remove('dimensions', i)}>
              ✕
            </Button>
          </div>
        ))}
        <Button
          small
          testId="add-dimension"
          disabled={!columns.length}
          onClick={() => {
            const first = columns.find((c) => c.kind === 'date') ?? columns[0];
            edit({
              dimensions: [
                ...form.dimensions,
                { column: first.name, grain: first.kind === 'date' ? 'month' : '' },
              ],
            });
          }}
        >
          Add a group
        </Button>
      </fieldset>

      <fieldset class="builder-part" data-testid="measures">
        <legend>Measures</legend>
        {form.measures.map((m, i) => {
          const need = MEASURES.find((x) => x.value === m.kind)?.needs;
          const usable = columns.filter(
            (c) => need === 'any' || (Array.isArray(need) && need.includes(c.kind)),
          );
          return (
            <div class="builder-row" key={i}>
              <div class="inline">
                <label class="visually-hidden" for={`measure-${i}`}>
                  Measure {i + 1}
                </label>
                <select
                  id={`measure-${i}`}
                  data-testid={`measure-${i}`}
                  value={m.kind}
                  onChange={(e) => {
                    const kind = e.currentTarget.value as typeof m.kind;
                    const needs = MEASURES.find((x) => x.value === kind)?.needs;
                    const fits = columns.filter(
                      (c) => needs === 'any' || (Array.isArray(needs) && needs.includes(c.kind)),
                    );
                    const column = fits.some((c) => c.name === m.column) ? m.column : (fits[0]?.name ?? '');
                    set('measures', i, { kind, column: needs === 'none' ? '' : column });
                  }}
                >
                  {MEASURES.map((x) => (
                    <option key={x.value} value={x.value}>
                      {x.label}
                    </option>
                  ))}
                </select>
                {need !== 'none' && (
                  <>
                    <label class="visually-hidden" for={`measure-${i}-column`}>
                      Column for measure {i + 1}
                    </label>
                    <select
                      id={`measure-${i}-column`}
                      data-testid={`measure-${i}-column`}
                      value={m.column}
                      aria-invalid={invalid(`measures[${i}].column`)}
                      onChange={(e) => set('measures', i, { column: e.currentTarget.value })}
                    >
                      {usable.length === 0 && <option value="">No suitable column</option>}
                      {usable.map((c) => (
                        <option key={c.name} value={c.name}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </>
                )}
                <Button
                  small
                  label={`Remove measure ${measureLabel(m)}`}
                  onClick={() => remove('measures', i)}
                >
                  ✕
                </Button>
              </div>
              <label class="visually-hidden" for={`measure-${i}-label`}>
                Column name for measure {i + 1}
              </label>
              <input
                id={`measure-${i}-label`}
                class="measure-label"
                placeholder={measureLabel({ ...m, label: '' })}
                value={m.label}
                aria-invalid={invalid(`measures[${i}].label`)}
                onInput={(e) => set('measures', i, { label: e.currentTarget.value })}
              />
            </div>
          );
        })}
        <Button
          small
          testId="add-measure"
          onClick={() => edit({ measures: [...form.measures, { kind: 'count', column: '', label: '' }] })}
        >
          Add a measure
        </Button>
      </fieldset>

      <FilterRows
        columns={columns}
        filters={form.filters}
        invalid={invalid}
        onChange={(filters) => edit({ filters })}
      />

      <fieldset class="builder-part">
        <legend>Sort and limit</legend>
        <div class="inline">
          <label class="visually-hidden" for="sort-by">
            Sort by
          </label>
          <select
            id="sort-by"
            value={form.sortBy}
            aria-invalid={invalid('sort[0].by')}
            onChange={(e) => edit({ sortBy: e.currentTarget.value })}
          >
            <option value="">Default order</option>
            {outputColumns(form).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <label class="visually-hidden" for="sort-direction">
            Sort direction
          </label>
          <select
            id="sort-direction"
            value={form.sortDirection}
            disabled={!form.sortBy}
            onChange={(e) => edit({ sortDirection: e.currentTarget.value as 'asc' | 'desc' })}
          >
            <option value="desc">high → low</option>
            <option value="asc">low → high</option>
          </select>
        </div>
        <Field id="report-limit" label="At most (rows)">
          <input
            id="report-limit"
            type="number"
            min="1"
            inputMode="numeric"
            placeholder="All"
            value={form.limit}
            aria-invalid={invalid('limit')}
            onInput={(e) => edit({ limit: e.currentTarget.value })}
          />
        </Field>
      </fieldset>

      <h3>Preview</h3>
      <div aria-live="polite" aria-busy={busy ? 'true' : undefined}>
        {busy && !preview && <p class="muted small-text">Running…</p>}
        <ErrorNotice error={error} testId="preview-error" />
        {preview && preview.problems.length > 0 && (
          <div class="notice warn-notice" data-testid="report-problems">
            <ul class="problems">
              {preview.problems.map((p) => (
                <li key={p.path + p.message}>{p.message}</li>
              ))}
            </ul>
          </div>
        )}
        {preview && <PreviewTable preview={preview} />}
        {preview?.sql && (
          <details>
            <summary>The SQL Tapdash runs</summary>
            <pre class="sql" data-testid="report-sql">
              {preview.sql}
            </pre>
          </details>
        )}
      </div>

      <h3>Save</h3>
      <Field
        id="report-title"
        label="Report name"
        help={
          !name
            ? 'It becomes the name of its tab.'
            : replaces
              ? `Replaces your saved report “${replaces.label}” and its tab.`
              : `Saved as the tab “${title.trim()}”.`
        }
        error={titleProblem}
      >
        <input
          id="report-title"
          data-testid="report-title"
          value={title}
          maxLength={60}
          aria-describedby={describedBy('report-title', true, titleProblem)}
          onInput={(e) => {
            setSaved(null);
            setTitle(e.currentTarget.value);
          }}
        />
      </Field>
      <ErrorNotice error={save.error} testId="save-error" />
      <SuccessNotice text={saved} testId="report-saved" />
      <div class="actions">
        <Button
          primary
          testId="save-report"
          disabled={cannotSave !== null}
          busy={save.busy}
          busyLabel="Saving…"
          onClick={async () => {
            const done = await save.run();
            if (!done) return;
            const { outcome } = done;
            if (outcome?.status === 'failed')
              setSaved(`Saved, but its refresh failed: ${outcome.error?.message ?? 'see the model list'}.`);
            else if (outcome)
              setSaved(`Saved. The “${outcome.label}” tab has ${outcome.rows.toLocaleString('en-US')} rows.`);
            else setSaved('Saved.');
            onSaved();
          }}
        >
          Save as report
        </Button>
      </div>
      {cannotSave && !save.busy && (
        <p class="small-text muted" data-testid="save-why">
          {cannotSave}
        </p>
      )}
    </section>
  );
}
