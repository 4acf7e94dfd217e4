/** The Settings view (being built: see issue #6). */
export function SettingsPanel() {
  return (
    <section aria-labelledby="settings-title" data-testid="panel-settings">
      <h2 id="settings-title">Settings</h2>
    </section>
  );
}
