import { apiRequest } from './http';
import { UpgradeWindowState, windowPath } from './upgrades';

/** The last step an upgrade window completed on one node. */
export type UpgradeNodePhase = 'FENCED' | 'DRAINED' | 'RESTARTED' | 'DONE';

/** Where a window stands on one node, as `…/progress` lists it. */
export interface NodeUpgradeProgressView {
  nodeId: string;
  phase: UpgradeNodePhase;
  startedAt: string;
  phaseStartedAt: string;
  finishedAt: string | null;
  detail: string;
}

/** GET `…/upgrade-windows/{id}/progress`: the window's state and every node it touched, in that order. */
export interface UpgradeProgressView {
  windowId: string;
  state: UpgradeWindowState;
  targetVersion: string;
  pauseReason: string | null;
  nodes: NodeUpgradeProgressView[];
}

export function getUpgradeProgress(cluster: string, id: string): Promise<UpgradeProgressView> {
  return apiRequest('GET', `${windowPath(cluster, id)}/progress`);
}

/** One condition of a pre-check. */
export interface PreCheckItem {
  name: string;
  passed: boolean;
  detail: string;
}

/** The stored result of a window's latest pre-check. */
export interface PreCheckView {
  windowId: string;
  checkedAt: string;
  go: boolean;
  checks: PreCheckItem[];
  lockedOperations: string[];
}

/** The latest pre-check; a 404 problem naming the pre-check when none ran. */
export function getPreCheck(cluster: string, id: string): Promise<PreCheckView> {
  return apiRequest('GET', `${windowPath(cluster, id)}/pre-check`);
}

/** Runs the pre-check now and stores it with the window. */
export function runPreCheck(cluster: string, id: string): Promise<PreCheckView> {
  return apiRequest('POST', `${windowPath(cluster, id)}/pre-check`);
}
