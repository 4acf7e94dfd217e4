import type { ConfigField } from '../../src/connect/connector-spec';
import { describedBy } from '../ui/Field';

interface Props {
  field: ConfigField;
  id: string;
  value: string;
  problem: string | undefined;
  hasHelp: boolean;
  /** Placeholder for a secret that is saved and stays unless the user types a new one. */
  secretPlaceholder?: string;
  onInput: (value: string) => void;
  onBlur: () => void;
}

/** One declared setting as the input its kind calls for; secrets are password inputs. */
export function FieldInput({
  field,
  id,
  value,
  problem,
  hasHelp,
  secretPlaceholder,
  onInput,
  onBlur,
}: Props) {
  const common = {
    id,
    name: field.key,
    value,
    required: field.required,
    'aria-invalid': problem ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, hasHelp, problem),
    'data-testid': `field-${field.key}`,
    onBlur,
  };
  const read = (e: Event) => onInput((e.target as HTMLInputElement).value);
  switch (field.kind) {
    case 'select':
      return (
        <select {...common} onChange={read}>
          {(!field.required || !field.default) && <option value="">Choose…</option>}
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case 'hosts':
      return <textarea {...common} rows={3} placeholder={field.placeholder} onInput={read} />;
    case 'secret':
      return (
        <input
          {...common}
          type="password"
          autocomplete="new-password"
          spellcheck={false}
          placeholder={secretPlaceholder ?? field.placeholder}
          onInput={read}
        />
      );
    default:
      return (
        <input
          {...common}
          type={field.kind === 'url' ? 'url' : field.kind === 'date' ? 'date' : 'text'}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          autocomplete="off"
          spellcheck={false}
          placeholder={field.placeholder}
          onInput={read}
        />
      );
  }
}
