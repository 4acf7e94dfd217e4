import { useEffect, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../src/shared/errors';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { asErrorInfo } from '../ui/use-call';
import { openDrivePicker } from './drive-picker';

type PickerSettings = Awaited<ReturnType<typeof call<'googleSheetPicker'>>>;

/**
 * "Choose from Drive" for the Google Sheets source. Only a build with a Picker API key has it
 * (and never the playground): otherwise nothing shows and the user pastes a link, as the
 * field's help says.
 */
export function DriveChooser({ onPicked }: { onPicked: (url: string) => void }) {
  const [settings, setSettings] = useState<PickerSettings | null>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    call('googleSheetPicker').then(
      (s) => live && setSettings(s),
      // Without the Picker the form still works with a pasted link; no need to alarm anyone.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (!settings?.available) return null;
  const available = settings;

  async function choose() {
    setOpening(true);
    setError(null);
    try {
      const url = await openDrivePicker(available);
      if (url) onPicked(url);
    } catch (e) {
      setError(asErrorInfo(e));
    } finally {
      setOpening(false);
    }
  }

  return (
    <div class="drive-chooser">
      <Button small onClick={choose} busy={opening} busyLabel="Opening Drive…" testId="drive-choose">
        Choose from Drive
      </Button>
      <ErrorNotice error={error} testId="drive-error" />
    </div>
  );
}
