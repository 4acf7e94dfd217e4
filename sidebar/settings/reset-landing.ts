import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * After a reset the spreadsheet is as new, so the sidebar lands where a first-timer does: the
 * Welcome view, which also says what the reset did (the Settings view it came from is gone).
 */
export const ResetLandingContext = createContext<(summary: string) => void>(() => undefined);

export function useResetLanding(): (summary: string) => void {
  return useContext(ResetLandingContext);
}
