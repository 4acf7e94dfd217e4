import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The sidebar's views, in the order the tab strip shows them (the welcome view has no tab). */
export const VIEWS = [
  { id: 'sources', label: 'Sources' },
  { id: 'reports', label: 'Reports' },
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'schedule', label: 'Schedule' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'] | 'welcome';

export interface Navigation {
  view: ViewId;
  go(view: ViewId): void;
}

export const NavigationContext = createContext<Navigation>({ view: 'sources', go: () => undefined });

/** Lets a panel send the user elsewhere (the demo path ends on the Dashboard view). */
export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
