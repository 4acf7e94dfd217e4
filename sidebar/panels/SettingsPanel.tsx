import { useState } from 'preact/hooks';
import { ExportConfig } from '../settings/ExportConfig';
import { ImportConfig } from '../settings/ImportConfig';
import { RegionSettings } from '../settings/RegionSettings';
import { ResetTapdash } from '../settings/ResetTapdash';
import '../settings/settings.css';

/** Settings: time zone and currency, export and import of the configuration, and reset. */
export function SettingsPanel() {
  // An import or a reset changes the currency and the export: their sections reload.
  const [generation, setGeneration] = useState(0);
  const changed = () => setGeneration((g) => g + 1);
  return (
    <section aria-labelledby="settings-title" data-testid="panel-settings">
      <h2 id="settings-title">Settings</h2>
      <RegionSettings key={`region-${generation}`} />
      <ExportConfig key={`export-${generation}`} />
      <ImportConfig onImported={changed} />
      <ResetTapdash onReset={changed} />
    </section>
  );
}
