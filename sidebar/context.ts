import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SidebarApi } from '../src/entry/api';

/** Who is here and where, loaded once at first paint. */
export type Context = ReturnType<SidebarApi['getContext']>;

const SidebarContext = createContext<Context | null>(null);
export const ContextProvider = SidebarContext.Provider;

export function useSidebarContext(): Context {
  const ctx = useContext(SidebarContext);
  if (!ctx) throw new Error('useSidebarContext outside the App');
  return ctx;
}
