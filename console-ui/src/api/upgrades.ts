import { allPages, apiRequest, seg } from './http';

export type UpgradeWindowState = 'SCHEDULED' | 'IN_PROGRESS' | 'PAUSED' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

/** A producer group whose failed sends the window's report counts (instance + group as the tenant names it). */
export interface ObservedProducerGroup {
  instanceId: string;
  producerGroup: string;
}

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
  /** Absent from a control plane that does not observe producer groups yet. */
  observedProducerGroups?: ObservedProducerGroup[];
}

export interface ScheduleUpgradeWindowRequest {
  startsAt: string;
  duration: string;
  targetVersion: string;
  observedProducerGroups?: ObservedProducerGroup[];
}

const TERMINAL: UpgradeWindowState[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** Whether the window can change no more. */
export function isTerminal(state: UpgradeWindowState): boolean {
  return TERMINAL.includes(state);
}

/** Whether a window in this state locks the changes of its cluster's instances (as the server decides it). */
export function isLocking(state: UpgradeWindowState): boolean {
  return state !== 'SCHEDULED' && !isTerminal(state);
}

const base = (cluster: string) => `/api/v1/clusters/${seg(cluster)}/upgrade-windows`;

/** The path of one window, the base of its progress, pre-check and report. */
export const windowPath = (cluster: string, id: string) => `${base(cluster)}/${seg(id)}`;

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
  return apiRequest('POST', `${windowPath(cluster, id)}/${action}`);
}

export function getUpgradeWindow(cluster: string, id: string): Promise<UpgradeWindowView> {
  return apiRequest('GET', windowPath(cluster, id));
}

export interface RescheduleUpgradeWindowRequest {
  startsAt: string;
  duration: string;
  observedProducerGroups?: ObservedProducerGroup[];
}

/** Moves a SCHEDULED window. */
export function rescheduleUpgradeWindow(
  cluster: string,
  id: string,
  request: RescheduleUpgradeWindowRequest,
): Promise<UpgradeWindowView> {
  return apiRequest('PATCH', windowPath(cluster, id), request);
}
