/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 0;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const LIGHT = '#ffffff';
const DARK = '#202124';

/**
 * The initials' colour on a connector's badge: white where it reads well, else Google's dark
 * text — vendors' brand oranges and yellows are too light for white (WCAG AA, 4.5:1).
 */
export function badgeTextColor(background: string): string {
  return contrastRatio(LIGHT, background) >= 4.5 ? LIGHT : DARK;
}
