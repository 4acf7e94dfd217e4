import { ServerError } from '../rpc';

interface PickerReady {
  oauthToken: string;
  developerKey: string;
  appId: string;
  mimeTypes: string;
}

/** The few parts of the Google Picker API (https://developers.google.com/drive/picker) used here. */
interface PickerApi {
  PickerBuilder: new () => PickerBuilder;
  DocsView: new (viewId?: string) => { setMimeTypes(m: string): unknown };
  ViewId: { SPREADSHEETS: string };
  Action: { PICKED: string; CANCEL: string };
  Response: { ACTION: string; DOCUMENTS: string };
  Document: { URL: string };
}
interface PickerBuilder {
  addView(view: unknown): PickerBuilder;
  setOAuthToken(token: string): PickerBuilder;
  setDeveloperKey(key: string): PickerBuilder;
  setAppId(id: string): PickerBuilder;
  setOrigin(origin: string): PickerBuilder;
  setSize(w: number, h: number): PickerBuilder;
  setCallback(fn: (data: Record<string, unknown>) => void): PickerBuilder;
  build(): { setVisible(v: boolean): void };
}

declare global {
  interface Window {
    gapi?: { load(name: string, cb: () => void): void };
  }
}

const API_SCRIPT = 'https://apis.google.com/js/api.js';

function loadPickerApi(): Promise<PickerApi> {
  return new Promise((resolve, reject) => {
    const ready = () =>
      window.gapi?.load('picker', () =>
        resolve((window as unknown as { google: { picker: PickerApi } }).google.picker),
      );
    if (window.gapi) return ready();
    const script = document.createElement('script');
    script.src = API_SCRIPT;
    script.onload = ready;
    script.onerror = () =>
      reject(
        new ServerError({
          code: 'picker-unavailable',
          message: 'Google Drive could not be opened from here.',
          fix: 'Paste the link of the spreadsheet instead (from its address bar).',
        }),
      );
    document.head.appendChild(script);
  });
}

/** Opens the Google Picker on the user's spreadsheets; resolves with the chosen one's link, or null. */
export async function openDrivePicker(settings: PickerReady): Promise<string | null> {
  const picker = await loadPickerApi();
  const host = (window as unknown as { google?: { script?: { host?: { origin?: string } } } }).google?.script
    ?.host;
  return new Promise((resolve) => {
    const view = new picker.DocsView(picker.ViewId.SPREADSHEETS);
    view.setMimeTypes(settings.mimeTypes);
    let builder = new picker.PickerBuilder()
      .addView(view)
      .setOAuthToken(settings.oauthToken)
      .setDeveloperKey(settings.developerKey)
      .setAppId(settings.appId)
      // The sidebar is 300 px wide: the Picker draws over it at the size it fits.
      .setSize(290, 420)
      .setCallback((data) => {
        const action = data[picker.Response.ACTION];
        if (action === picker.Action.PICKED) {
          const docs = data[picker.Response.DOCUMENTS] as Array<Record<string, string>>;
          resolve(docs[0]?.[picker.Document.URL] ?? null);
        } else if (action === picker.Action.CANCEL) resolve(null);
      });
    if (host?.origin) builder = builder.setOrigin(host.origin);
    builder.build().setVisible(true);
  });
}
