/**
 * Apps Script service errors are Errors named `Exception`; their messages are what scripts
 * (and our retry logic) match on, so the emulator reproduces the platform's own wording.
 */
export function platformError(message: string): Error {
  const err = new Error(message);
  err.name = 'Exception';
  return err;
}
