import { useEffect, useState } from 'preact/hooks';
import type { ScheduleView } from '../../src/schedule/schedule-api';
import type { ScheduleSettings } from '../../src/schedule/settings';
import { call } from '../rpc';
import { AlertRules } from '../schedule/AlertRules';
import { OwnerNotice } from '../schedule/OwnerNotice';
import {
  FREQUENCIES,
  type Frequency,
  formOf,
  type ScheduleForm,
  scheduleOf,
} from '../schedule/schedule-form';
import { HourField, WeekdayField } from '../schedule/WhenFields';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { useCall } from '../ui/use-call';
import '../schedule/schedule.css';

/** Schedule & alerts: how often everything refreshes, failure emails, the weekly digest, alerts. */
export function SchedulePanel() {
  const [view, setView] = useState<ScheduleView | null>(null);
  const [form, setForm] = useState<ScheduleForm>(formOf({ kind: 'off' }));
  const [settings, setSettings] = useState<Omit<ScheduleSettings, 'schedule' | 'owner'> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const load = useCall(() => call('getSchedule'));
  const save = useCall(() =>
    call('saveSchedule', {
      schedule: scheduleOf(form),
      failureEmails: settings!.failureEmails,
      digest: settings!.digest,
      alerts: settings!.alerts,
    }),
  );

  const show = (v: ScheduleView) => {
    setView(v);
    setForm(formOf(v.settings.schedule));
    const { schedule: _s, owner: _o, ...rest } = v.settings;
    setSettings(rest);
  };

  useEffect(() => {
    void load.run().then((v) => v && show(v));
  }, []);

  const edit = (next: Partial<ScheduleForm>) => {
    setSaved(null);
    setForm({ ...form, ...next });
  };
  const editSettings = (next: Partial<NonNullable<typeof settings>>) => {
    setSaved(null);
    setSettings({ ...settings!, ...next });
  };
  const timed = form.frequency === 'daily' || form.frequency === 'weekly';

  return (
    <section aria-labelledby="schedule-title" data-testid="panel-schedule">
      <h2 id="schedule-title">Schedule & alerts</h2>
      <ErrorNotice error={load.error} />
      {!view && load.busy && <p class="muted">Loading…</p>}
      {view && settings && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <OwnerNotice view={view} />
          <Field
            id="frequency"
            label="Refresh data and the Dashboard"
            help="Google runs add-on schedules at most once an hour, at a moment it picks within the hour."
          >
            <select
              id="frequency"
              data-testid="frequency"
              value={form.frequency}
              aria-describedby="frequency-help"
              onChange={(e) => edit({ frequency: e.currentTarget.value as Frequency })}
            >
              {FREQUENCIES.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </Field>
          {timed && (
            <div class="inline">
              {form.frequency === 'weekly' && (
                <WeekdayField
                  id="weekday"
                  label="On"
                  value={form.weekday}
                  onChange={(weekday) => edit({ weekday })}
                />
              )}
              <HourField
                id="hour"
                testId="hour"
                label="Around"
                value={form.hour}
                onChange={(hour) => edit({ hour })}
              />
            </div>
          )}

          <h3>Emails</h3>
          <div class="check">
            <input
              type="checkbox"
              id="failure-emails"
              checked={settings.failureEmails}
              onChange={(e) => editSettings({ failureEmails: e.currentTarget.checked })}
            />
            <label for="failure-emails">Email the schedule's owner when a scheduled refresh fails</label>
          </div>
          <div class="check">
            <input
              type="checkbox"
              id="digest"
              data-testid="digest"
              checked={settings.digest.enabled}
              onChange={(e) =>
                editSettings({ digest: { ...settings.digest, enabled: e.currentTarget.checked } })
              }
            />
            <label for="digest">Send a weekly digest of the key numbers</label>
          </div>
          {settings.digest.enabled && (
            <div class="inline">
              <WeekdayField
                id="digest-day"
                label="Digest day"
                value={settings.digest.weekday}
                onChange={(weekday) => editSettings({ digest: { ...settings.digest, weekday } })}
              />
              <HourField
                id="digest-hour"
                label="Around"
                value={settings.digest.hour}
                onChange={(hour) => editSettings({ digest: { ...settings.digest, hour } })}
              />
            </div>
          )}

          <h3>Alerts</h3>
          <p class="small-text muted">
            An email when a key number crosses a line you set (once per crossing).
          </p>
          <AlertRules
            rules={settings.alerts}
            metrics={view.metrics}
            onChange={(alerts) => editSettings({ alerts })}
          />

          <ErrorNotice error={save.error} />
          <SuccessNotice text={saved} testId="schedule-saved" />
          <div class="actions">
            <Button
              primary
              testId="save-schedule"
              busy={save.busy}
              busyLabel="Saving…"
              onClick={async () => {
                const v = await save.run();
                if (!v) return;
                show(v);
                setSaved(`Saved. ${v.description}.`);
              }}
            >
              Save schedule
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
