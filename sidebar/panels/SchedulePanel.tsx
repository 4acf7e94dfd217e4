/** The Schedule view (being built: see issue #6). */
export function SchedulePanel() {
  return (
    <section aria-labelledby="schedule-title" data-testid="panel-schedule">
      <h2 id="schedule-title">Schedule</h2>
    </section>
  );
}
