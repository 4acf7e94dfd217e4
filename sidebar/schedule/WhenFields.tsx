import { Field } from '../ui/Field';
import { HOURS, hourLabel, type ScheduleForm, WEEKDAYS, weekdayLabel } from './schedule-form';

type Weekday = ScheduleForm['weekday'];

/** A labelled weekday picker (the schedule's day, the digest's day). */
export function WeekdayField(props: {
  id: string;
  label: string;
  value: Weekday;
  onChange(d: Weekday): void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as Weekday)}
      >
        {WEEKDAYS.map((d) => (
          <option key={d} value={d}>
            {weekdayLabel(d)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled hour picker ("Around 5 PM"): Google runs add-on triggers within the hour. */
export function HourField(props: {
  id: string;
  label: string;
  value: number;
  onChange(hour: number): void;
  testId?: string;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <select
        id={props.id}
        data-testid={props.testId}
        value={String(props.value)}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      >
        {HOURS.map((h) => (
          <option key={h} value={String(h)}>
            {hourLabel(h)}
          </option>
        ))}
      </select>
    </Field>
  );
}
