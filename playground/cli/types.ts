import type { SidebarApi } from '../../src/entry/api';

export type RefreshSummaryView = ReturnType<SidebarApi['refreshNow']>;
