/** The Reports view (being built: see issue #6). */
export function ReportsPanel() {
  return (
    <section aria-labelledby="reports-title" data-testid="panel-reports">
      <h2 id="reports-title">Reports</h2>
    </section>
  );
}
