const MASK = '••••';

/** Secrets shorter than this are not masked: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Removes every secret from a text that may reach a person (an error message, a log row), in
 * the forms it can take in a request: as typed, URL-encoded, or inside a Basic header.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s || s.length < MIN_SECRET_LENGTH) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
  }
  // Longest first, so a secret that contains another is masked whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(MASK);
  return out;
}
