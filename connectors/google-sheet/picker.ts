import type { Gas } from '../../src/platform/gas';

/** Script properties a self-hoster sets (Project settings → Script properties) to turn the Picker on. */
export const PICKER_API_KEY_PROPERTY = 'TAPDASH_PICKER_API_KEY';
export const PICKER_APP_ID_PROPERTY = 'TAPDASH_PICKER_APP_ID';

export type PickerSettings =
  | {
      available: true;
      /** The user's own OAuth token (ScriptApp.getOAuthToken), for PickerBuilder.setOAuthToken. */
      oauthToken: string;
      /** A Google Cloud API key with the Picker API enabled, for setDeveloperKey. */
      developerKey: string;
      /** The Cloud project number, for setAppId: a file picked is then granted to this add-on (drive.file). */
      appId: string;
      /** What DocsView should list. */
      mimeTypes: string;
    }
  | { available: false; message: string };

const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/**
 * What the sidebar needs to open the Google Picker for the Google Sheets source. The Picker
 * runs in the user's browser, in the sidebar, as that same user, so handing it the user's token
 * is the documented pattern (https://developers.google.com/apps-script/guides/dialogs#file-open_dialogs).
 * The API key and project number belong to the Cloud project behind the add-on; a build
 * without them has no Picker and the form asks for a pasted link instead.
 */
export function googleSheetPickerSettings(gas: Gas): PickerSettings {
  const props = gas.PropertiesService.getScriptProperties();
  const developerKey = props.getProperty(PICKER_API_KEY_PROPERTY)?.trim() ?? '';
  const appId = props.getProperty(PICKER_APP_ID_PROPERTY)?.trim() ?? '';
  if (!developerKey || !/^\d+$/.test(appId)) {
    return {
      available: false,
      message:
        'Choosing from Drive is not set up in this Tapdash. Paste the link of a spreadsheet you chose before, or ask whoever runs your Tapdash to set it up.',
    };
  }
  return {
    available: true,
    oauthToken: gas.ScriptApp.getOAuthToken(),
    developerKey,
    appId,
    mimeTypes: SPREADSHEET_MIME,
  };
}
