/**
 * The spreadsheet ID in what a user pastes: the ID itself, or any link to the spreadsheet
 * (`…/spreadsheets/d/<id>/edit#gid=0`, `…/spreadsheets/u/1/d/<id>/…`, Drive's `open?id=<id>`
 * and `file/d/<id>/…`). Sheets IDs are long runs of letters, digits, `-` and `_`.
 */
const ID = /^[A-Za-z0-9_-]{25,}$/;
const IN_PATH = /\/(?:spreadsheets(?:\/u\/\d+)?|file)\/d\/([A-Za-z0-9_-]{25,})(?:[/?#]|$)/;
const IN_QUERY = /[?&]id=([A-Za-z0-9_-]{25,})(?:[&#]|$)/;

/** A "Publish to web" link names a published copy (`/d/e/2PACX-…`), which the Sheets API cannot read. */
const PUBLISHED = /\/spreadsheets\/d\/e\//;

export function spreadsheetIdFrom(text: string | undefined): string | undefined {
  const t = (text ?? '').trim();
  if (ID.test(t)) return t;
  if (!/^https:\/\/(docs|drive)\.google\.com\//i.test(t) || PUBLISHED.test(t)) return undefined;
  return IN_PATH.exec(t)?.[1] ?? IN_QUERY.exec(t)?.[1];
}

/** Regular expression source for the setup form: an ID, or a docs/drive link that is not a published copy. */
export const SPREADSHEET_PATTERN =
  '^(?:[A-Za-z0-9_-]{25,}|https://(?:docs|drive)\\.google\\.com/(?!spreadsheets/d/e/)\\S*[/=][A-Za-z0-9_-]{25,}\\S*)$';
