import { useRef, useState } from 'preact/hooks';
import { BASE_URL_KEY } from '../../src/connect/config-validation';
import type { ConfigField } from '../../src/connect/connector-spec';
import type { ConnectorInfo } from '../../src/entry/api';
import type { ErrorInfo } from '../../src/shared/errors';
import type { ConnectionSummary } from '../../src/sync/status';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { asErrorInfo } from '../ui/use-call';
import { Badge } from './ConnectorPicker';
import { DriveChooser } from './DriveChooser';
import { FieldInput } from './FieldInput';
import {
  connectionInput,
  declaresBaseUrl,
  type FormValues,
  fieldProblems,
  initialValues,
  normalizedOnLeave,
  shownProblems,
} from './setup-values';

interface Props {
  connector: ConnectorInfo;
  /** The connection being edited; absent when adding one. */
  editing?: ConnectionSummary;
  /** The current user's email, to tell them whose key a connection uses. */
  me: string;
  onSaved: (saved: ConnectionSummary) => void;
  onCancel: () => void;
}

const ADVANCED_FIELD: ConfigField = {
  key: BASE_URL_KEY,
  label: 'API base URL',
  kind: 'url',
  placeholder: 'https://…',
};

/**
 * The setup form generated from a connector's declared fields. "Test connection" makes one real
 * API call; "Save and sync" tests too (so a wrong key is never saved), saves, and hands over to
 * the first sync. Saved secrets are never sent back: the form says they are kept when left blank.
 */
export function SetupForm({ connector, editing, me, onSaved, onCancel }: Props) {
  const [values, setValues] = useState<FormValues>(() => initialValues(connector.fields, editing?.config));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const isEditing = !!editing;
  const problems = fieldProblems(connector.fields, values, isEditing);
  const shown = shownProblems(problems, values, touched, submitted);
  const advanced = declaresBaseUrl(connector.fields) ? [] : [ADVANCED_FIELD];
  const ownerElsewhere = editing?.createdBy && editing.createdBy !== me ? editing.createdBy : null;
  const secretFields = connector.fields.filter((f) => f.kind === 'secret');
  // Testing an edited connection needs a key this user can use: typed now or saved by them.
  const canTest =
    !isEditing ||
    secretFields.every(
      (f) => !f.required || values[f.key].trim() !== '' || editing.secretsSaved.includes(f.key),
    );

  const set = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTested(null);
  };
  const leave = (key: string) => {
    setValues((v) => normalizedOnLeave(connector.fields, v, key));
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  };

  function focusFirstProblem(): void {
    const key = Object.keys(problems)[0];
    formRef.current?.querySelector<HTMLElement>(`[name="${key}"]`)?.focus();
  }

  async function test(): Promise<boolean> {
    const result = await call('testConnection', connectionInput(connector.id, values, editing?.id));
    // The server's sentence is for founders; API column names would mean nothing to them.
    setTested(result.message);
    return true;
  }

  async function run(kind: 'test' | 'save') {
    setSubmitted(true);
    setError(null);
    setTested(null);
    if (Object.keys(problems).length) {
      focusFirstProblem();
      return;
    }
    setBusy(kind);
    try {
      if (kind === 'test' || canTest) await test();
      if (kind === 'save')
        onSaved(await call('saveConnection', connectionInput(connector.id, values, editing?.id)));
    } catch (e) {
      setError(asErrorInfo(e));
    } finally {
      setBusy(null);
    }
  }

  function secretNote(f: ConfigField): string | undefined {
    if (!isEditing) return undefined;
    if (editing.secretsSaved.includes(f.key)) return 'Saved — leave blank to keep it.';
    if (ownerElsewhere)
      return `Saved in ${ownerElsewhere}'s Google account, where you cannot read it. Leave blank to keep theirs, or paste your own: syncs then use yours.`;
    return undefined;
  }

  function renderField(f: ConfigField) {
    const id = `setup-${f.key}`;
    const note = f.kind === 'secret' ? secretNote(f) : undefined;
    // When editing, a blank secret keeps the saved one, so it is never required.
    const optional = !f.required || (f.kind === 'secret' && isEditing);
    const help =
      f.help || f.helpUrl || note ? (
        <>
          {note && <span class="saved-note">{note} </span>}
          {f.help}
          {f.helpUrl && (
            <>
              {' '}
              <a href={f.helpUrl} target="_blank" rel="noopener noreferrer">
                Where do I find this?
              </a>
            </>
          )}
        </>
      ) : undefined;
    return (
      <div key={f.key}>
        <Field id={id} label={optional ? `${f.label} (optional)` : f.label} help={help} error={shown[f.key]}>
          <FieldInput
            field={f}
            id={id}
            value={values[f.key] ?? ''}
            problem={shown[f.key]}
            hasHelp={!!help}
            secretPlaceholder={note ? '•••••••• (saved)' : undefined}
            onInput={(v) => set(f.key, v)}
            onBlur={() => leave(f.key)}
          />
        </Field>
        {connector.id === 'google-sheet' && f.key === 'spreadsheet' && (
          <DriveChooser onPicked={(url) => set(f.key, url)} />
        )}
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      noValidate
      data-testid="setup-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run('save');
      }}
    >
      <div class="row setup-title">
        <Badge badge={connector.badge} />
        <h3 class="grow">{connector.label}</h3>
      </div>
      <p class="muted small-text">
        {connector.description}{' '}
        <a href={connector.docsUrl} target="_blank" rel="noopener noreferrer">
          Setup guide
        </a>
      </p>
      {connector.fields.length === 0 && <p>Nothing to fill in: this source needs no settings.</p>}
      {connector.fields.map(renderField)}
      {advanced.length > 0 && (
        <details class="advanced" open={!!values[BASE_URL_KEY]}>
          <summary data-testid="setup-advanced">Advanced</summary>
          <p class="small-text muted">
            For a self-hosted or test server. Leave blank to use {connector.label}'s own API.
          </p>
          {advanced.map(renderField)}
        </details>
      )}
      {/*
        At 300 px three buttons do not fit one line: testing sits with the settings it checks,
        and Save and sync keeps Cancel beside it instead of stranding it on a line of its own.
      */}
      <div class="actions">
        <Button
          onClick={() => run('test')}
          busy={busy === 'test'}
          busyLabel="Testing…"
          disabled={busy !== null}
          testId="setup-test"
        >
          Test connection
        </Button>
      </div>
      <ErrorNotice error={error} testId="setup-error" />
      <SuccessNotice text={tested} testId="setup-tested" />
      <div class="actions">
        <Button
          type="submit"
          primary
          busy={busy === 'save'}
          busyLabel={canTest ? 'Testing and saving…' : 'Saving…'}
          disabled={busy !== null}
          testId="setup-save"
        >
          Save and sync
        </Button>
        <Button onClick={onCancel} disabled={busy !== null} testId="setup-cancel">
          Cancel
        </Button>
      </div>
    </form>
  );
}
