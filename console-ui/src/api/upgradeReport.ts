import { apiRequest } from './http';
import { PreCheckView } from './upgradeProgress';
import { UpgradeWindowState, windowPath } from './upgrades';

/** The canary's figures over a window; latencies in milliseconds, null while not measured. */
export interface CanaryReport {
  instanceId: string;
  topic: string;
  sent: number;
  acknowledged: number;
  failedSends: number;
  received: number;
  duplicated: number;
  lost: number;
  sendLatencyP99BeforeMillis: number | null;
  sendLatencyP99DuringMillis: number | null;
}

/** One node's step of a window; durations in milliseconds, null while not known. */
export interface NodeUpgradeReport {
  node: string;
  brokerName: string | null;
  fromVersion: string | null;
  toVersion: string | null;
  stepStartedAt: string | null;
  stepFinishedAt: string | null;
  stepMillis: number | null;
  unavailableMillis: number | null;
  writeFencedMillis: number | null;
}

/** Failed sends of one producer group registered with the window. */
export interface ProducerGroupReport {
  instanceId: string;
  producerGroup: string;
  failedSends: number;
}

/** GET `…/upgrade-windows/{id}/report` (schema version 1): available in every state, unknown figures null. */
export interface UpgradeReportView {
  schemaVersion: number;
  windowId: string;
  state: UpgradeWindowState;
  targetVersion: string;
  startedAt: string | null;
  finishedAt: string | null;
  pauseReason: string | null;
  preCheck: PreCheckView | null;
  canary: CanaryReport | null;
  nodes: NodeUpgradeReport[];
  producerGroups: ProducerGroupReport[];
}

export function getUpgradeReport(cluster: string, id: string): Promise<UpgradeReportView> {
  return apiRequest('GET', `${windowPath(cluster, id)}/report`);
}
