/**
 * The emulated clock as the spreadsheet's owner reads it: in the spreadsheet's time zone (as
 * the Dashboard, the Sync log and the sidebar show times), never the browser's.
 */
export function clockLabel(now: string | number, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Date(now).toLocaleString('en-US', { ...options, timeZone });
  } catch {
    // An unknown zone name: UTC, said so, rather than a time that looks local.
    return `${new Date(now).toLocaleString('en-US', { ...options, timeZone: 'UTC' })} UTC`;
  }
}
