/** The Dashboard view (being built: see issue #6). */
export function DashboardPanel() {
  return (
    <section aria-labelledby="dashboard-title" data-testid="panel-dashboard">
      <h2 id="dashboard-title">Dashboard</h2>
    </section>
  );
}
