import { PreCheckView } from '../api/upgradeProgress';
import { UpgradeReportView } from '../api/upgradeReport';
import { UpgradeWindowView } from '../api/upgrades';

export const WINDOW_ID = '01a2021b-4801-7eae-95e0-0bd8feb217a6';

export function windowView(state: UpgradeWindowView['state']): UpgradeWindowView {
  return {
    id: WINDOW_ID, cluster: 'local', state, startsAt: '2026-11-22T04:00:00Z', duration: 'PT1H',
    endsAt: '2026-11-22T05:00:00Z', targetVersion: '0.2.0', startedAt: '2026-11-22T04:00:00Z', finishedAt: null,
    version: 2, observedProducerGroups: [{ instanceId: 'MQ_INST_1', producerGroup: 'pg-orders' }],
  };
}

export const PRE_CHECK: PreCheckView = {
  windowId: WINDOW_ID,
  checkedAt: '2026-11-22T03:59:00Z',
  go: false,
  checks: [
    { name: 'nodes-up', passed: true, detail: 'every registered node is UP' },
    { name: 'target-runtime', passed: false, detail: 'node runtime 0.2.0 is not installed' },
  ],
  lockedOperations: ['create, change or delete topics', 'reset consumer offsets'],
};

export const REPORT: UpgradeReportView = {
  schemaVersion: 1, windowId: WINDOW_ID, state: 'COMPLETED', targetVersion: '0.2.0',
  startedAt: '2026-11-22T04:00:00Z', finishedAt: '2026-11-22T04:10:00Z', pauseReason: null,
  preCheck: { ...PRE_CHECK, go: true, checks: [PRE_CHECK.checks[0]] },
  canary: {
    instanceId: 'MQ_CANARY', topic: 'canary', sent: 600, acknowledged: 598, failedSends: 2, received: 598,
    duplicated: 1, lost: 0, sendLatencyP99BeforeMillis: 2.5, sendLatencyP99DuringMillis: 3.125,
  },
  nodes: [{
    node: 'broker-a-0', brokerName: 'broker-a', fromVersion: '0.1.0', toVersion: '0.2.0',
    stepStartedAt: '2026-11-22T04:01:00Z', stepFinishedAt: '2026-11-22T04:02:00Z', stepMillis: 60_000,
    unavailableMillis: 420, writeFencedMillis: 3100,
  }],
  producerGroups: [{ instanceId: 'MQ_INST_1', producerGroup: 'pg-orders', failedSends: 0 }],
};
