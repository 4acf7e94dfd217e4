import { ExportConfig } from '../settings/ExportConfig';
import { ImportConfig } from '../settings/ImportConfig';
import { RegionSettings } from '../settings/RegionSettings';
import { ResetTapdash } from '../settings/ResetTapdash';
import '../settings/settings.css';

/** Settings: time zone and currency, export and import of the configuration, and reset. */
export function SettingsPanel() {
  return (
    <section aria-labelledby="settings-title" data-testid="panel-settings">
      <h2 id="settings-title">Settings</h2>
      <RegionSettings />
      <ExportConfig />
      <ImportConfig />
      <ResetTapdash />
    </section>
  );
}
