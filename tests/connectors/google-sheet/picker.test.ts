import {
  googleSheetPickerSettings,
  PICKER_API_KEY_PROPERTY,
  PICKER_APP_ID_PROPERTY,
} from '../../../connectors/google-sheet/picker';
import { invoke, loadBundle } from '../../../playground/emulator/bundle';
import { Emulator } from '../../../playground/emulator/emulator';

describe('the Picker settings the sidebar asks for', () => {
  it('hands over the user token, the API key and the project number once the build set them', () => {
    const emu = new Emulator({ realCpu: false });
    const settings = emu.run((gas) => {
      gas.PropertiesService.getScriptProperties().setProperties({
        [PICKER_API_KEY_PROPERTY]: 'AIzaSyTestKey',
        [PICKER_APP_ID_PROPERTY]: '123456789012',
      });
      return { settings: googleSheetPickerSettings(gas), token: gas.ScriptApp.getOAuthToken() };
    });
    expect(settings.settings).toEqual({
      available: true,
      oauthToken: settings.token,
      developerKey: 'AIzaSyTestKey',
      appId: '123456789012',
      mimeTypes: 'application/vnd.google-apps.spreadsheet',
    });
  });

  it('says the Picker is off, and gives out no token, when the API key is missing', () => {
    const emu = new Emulator({ realCpu: false });
    const settings = emu.run((gas) => googleSheetPickerSettings(gas));
    expect(settings).toEqual({ available: false, message: expect.stringContaining('Paste the link') });
    expect(JSON.stringify(settings)).not.toContain('oauthToken');
  });

  it('treats a project number that is not a number as not set', () => {
    const emu = new Emulator({ realCpu: false });
    const settings = emu.run((gas) => {
      gas.PropertiesService.getScriptProperties().setProperties({
        [PICKER_API_KEY_PROPERTY]: 'AIzaSyTestKey',
        [PICKER_APP_ID_PROPERTY]: 'my-project-id',
      });
      return googleSheetPickerSettings(gas);
    });
    expect(settings.available).toBe(false);
  });
});

describe('the Picker settings in the built add-on', () => {
  it('answers google.script.run’s googleSheetPicker with a result value, not a thrown error', () => {
    const emu = new Emulator({ realCpu: false });
    const bundle = loadBundle(emu);
    const result = JSON.parse(JSON.stringify(invoke(emu, bundle, 'googleSheetPicker', [])));
    expect(result).toEqual({ ok: true, value: { available: false, message: expect.any(String) } });
  });
});
