import { useEffect, useState } from 'preact/hooks';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { describedBy, Field } from '../ui/Field';
import { useCall } from '../ui/use-call';

/** The spreadsheet's time zone (Sheets owns it) and the account's currency (editable here). */
export function RegionSettings() {
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [currency, setCurrency] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const load = useCall(() => call('getSettings'));
  const save = useCall((code: string) => call('saveCurrency', code));

  useEffect(() => {
    void load.run().then((s) => {
      if (!s) return;
      setTimeZone(s.timeZone);
      setCurrency(s.currency);
    });
  }, []);

  const help = 'A three-letter code (USD, EUR, GBP…). Money columns and tiles use it from the next refresh.';
  return (
    <section aria-labelledby="region-title">
      <h3 id="region-title">Time zone and currency</h3>
      <ErrorNotice error={load.error} />
      <p data-testid="time-zone">
        Time zone: <strong>{timeZone ?? '…'}</strong>
        <br />
        <span class="small-text muted">
          Dates are grouped in the spreadsheet's time zone. Change it in File → Settings.
        </span>
      </p>
      <Field id="currency" label="Currency" help={help}>
        <div class="inline">
          <input
            id="currency"
            data-testid="currency"
            maxLength={3}
            autoComplete="off"
            value={currency}
            aria-describedby={describedBy('currency', help, null)}
            onInput={(e) => {
              setDone(null);
              setCurrency(e.currentTarget.value.toUpperCase());
            }}
          />
          <Button
            testId="save-currency"
            busy={save.busy}
            busyLabel="Saving…"
            onClick={async () => {
              const code = await save.run(currency);
              if (!code) return;
              setCurrency(code);
              setDone(`Currency set to ${code}.`);
            }}
          >
            Save
          </Button>
        </div>
      </Field>
      <ErrorNotice error={save.error} />
      <SuccessNotice text={done} testId="currency-saved" />
    </section>
  );
}
