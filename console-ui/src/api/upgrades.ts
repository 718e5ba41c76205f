import { allPages, apiRequest, seg } from './http';

export type UpgradeWindowState = 'SCHEDULED' | 'IN_PROGRESS' | 'PAUSED' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

export interface UpgradeWindowView {
  id: string;
  cluster: string;
  state: UpgradeWindowState;
  startsAt: string;
  duration: string;
  endsAt: string;
  targetVersion: string;
  startedAt: string | null;
  finishedAt: string | null;
  version: number;
}

export interface ScheduleUpgradeWindowRequest {
  startsAt: string;
  duration: string;
  targetVersion: string;
}

const TERMINAL: UpgradeWindowState[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** Whether a window in this state locks the changes of its cluster's instances (as the server decides it). */
export function isLocking(state: UpgradeWindowState): boolean {
  return state !== 'SCHEDULED' && !TERMINAL.includes(state);
}

const base = (cluster: string) => `/api/v1/clusters/${seg(cluster)}/upgrade-windows`;

/** Every window of the cluster, all pages. */
export function listUpgradeWindows(cluster: string): Promise<UpgradeWindowView[]> {
  return allPages(base(cluster));
}

export function scheduleUpgradeWindow(
  cluster: string,
  request: ScheduleUpgradeWindowRequest,
): Promise<UpgradeWindowView> {
  return apiRequest('POST', base(cluster), request);
}

export type WindowAction = 'start' | 'cancel' | 'pause' | 'resume' | 'abort';

export function changeUpgradeWindow(cluster: string, id: string, action: WindowAction): Promise<UpgradeWindowView> {
  return apiRequest('POST', `${base(cluster)}/${seg(id)}/${action}`);
}

export interface RescheduleUpgradeWindowRequest {
  startsAt: string;
  duration: string;
}

/** Moves a SCHEDULED window. */
export function rescheduleUpgradeWindow(
  cluster: string,
  id: string,
  request: RescheduleUpgradeWindowRequest,
): Promise<UpgradeWindowView> {
  return apiRequest('PATCH', `${base(cluster)}/${seg(id)}`, request);
}
