/** Offers text as a file download (the sidebar's iframe allows downloads). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "tapdash-my-business-2026-12-07.json" */
export function exportFileName(spreadsheetName: string, isoDate: string): string {
  const slug = spreadsheetName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `tapdash-${slug || 'config'}-${isoDate.slice(0, 10)}.json`;
}
