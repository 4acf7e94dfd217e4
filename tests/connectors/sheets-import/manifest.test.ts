import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONNECTORS } from '../../../connectors/index';
import { buildManifest, type Manifest } from '../../../scripts/manifest';

const base = JSON.parse(readFileSync(join(__dirname, '../../../appsscript.json'), 'utf8')) as Manifest;
const manifest = buildManifest(base, CONNECTORS);

describe('the manifest with the Google sources', () => {
  it('asks for the narrow scopes only: read-only Analytics, and the files the user picks', () => {
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/analytics.readonly',
        'https://www.googleapis.com/auth/drive.file',
      ]),
    );
    expect(manifest.oauthScopes.filter((s) => /\/auth\/(drive|spreadsheets)(\.readonly)?$/.test(s))).toEqual(
      [],
    );
  });

  it('lets the add-on call the Data API, the Sheets API and the CSV hosts', () => {
    expect(manifest.urlFetchWhitelist).toEqual(
      expect.arrayContaining([
        'https://analyticsdata.googleapis.com/',
        'https://sheets.googleapis.com/',
        'https://docs.google.com/',
        'https://*.googleusercontent.com/',
        'https://raw.githubusercontent.com/',
      ]),
    );
  });

  it('adds a self-hoster’s CSV host from extraAllowedUrls', () => {
    const own = buildManifest(base, CONNECTORS, { extraAllowedUrls: ['https://files.acme.io/'] });
    expect(own.urlFetchWhitelist).toContain('https://files.acme.io/');
  });
});
