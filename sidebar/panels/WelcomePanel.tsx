/** The Welcome view (being built: see issue #6). */
export function WelcomePanel() {
  return (
    <section aria-labelledby="welcome-title" data-testid="panel-welcome">
      <h2 id="welcome-title">Welcome</h2>
    </section>
  );
}
