import {
  type DashboardConfig,
  loadDashboardConfig,
  saveDashboardConfig,
} from '../dashboard/dashboard-config';
import type { Gas } from '../platform/gas';

/**
 * Functions the sidebar calls through google.script.run. Each takes the services first; main.ts
 * binds them, and the sidebar's typed client sees them without that first parameter.
 * Arguments and results must survive Apps Script's serialization: plain data, no Dates.
 */
export const sidebarApi = {
  /** Who is here and where: used by the sidebar's first paint. */
  getContext(gas: Gas): { spreadsheetName: string; timeZone: string; user: string } {
    const ss = gas.SpreadsheetApp.getActive();
    return {
      spreadsheetName: ss.getName(),
      timeZone: ss.getSpreadsheetTimeZone(),
      user: gas.Session.getActiveUser().getEmail(),
    };
  },

  /** The Dashboard's saved choice of tiles and charts, in order; null until the user changes it. */
  getDashboardConfig(gas: Gas): DashboardConfig | null {
    return loadDashboardConfig(gas);
  },

  /** Saves which tiles and charts the Dashboard shows; the next rebuild lays them out. */
  saveDashboardConfig(gas: Gas, config: DashboardConfig): DashboardConfig {
    return saveDashboardConfig(gas, config);
  },
};

type DropFirst<F> = F extends (gas: Gas, ...args: infer A) => infer R ? (...args: A) => R : never;

/** The API as the sidebar sees it. */
export type SidebarApi = { [K in keyof typeof sidebarApi]: DropFirst<(typeof sidebarApi)[K]> };
