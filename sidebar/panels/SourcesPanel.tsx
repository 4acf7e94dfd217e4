/** The Sources view (being built: see issue #6). */
export function SourcesPanel() {
  return (
    <section aria-labelledby="sources-title" data-testid="panel-sources">
      <h2 id="sources-title">Sources</h2>
    </section>
  );
}
