import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  help?: ComponentChildren;
  error?: string | null;
  children: ComponentChildren;
}

/** A labelled form row: the label is tied to the input, help and errors are announced with it. */
export function Field({ id, label, help, error, children }: Props) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {help && (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function describedBy(id: string, help: unknown, error: unknown): string | undefined {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
