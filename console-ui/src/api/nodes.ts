import { apiRequest, seg } from './http';

/** Where a broker's log stood in its group at the control plane's latest replication check. */
export interface NodeReplicationView {
  brokerRole: 'ASYNC_MASTER' | 'SYNC_MASTER' | 'SLAVE';
  epoch: number;
  endOffset: number;
  confirmedOffset: number;
  lagBytes: number;
  /** On a slave, milliseconds since it last held its master's reported end (0 while it holds it); 0 on a master. */
  lagMillis: number;
  inSync: boolean;
  checkedAt: string;
}

/** How a broker's store was recovered when its process started. */
export interface NodeRecoveryView {
  mode: 'NORMAL' | 'CRASH';
  durationMillis: number;
  recoveredOffset: number;
  tornTailTruncated: boolean;
}

export interface NodeView {
  nodeId: string;
  role: 'NAMESRV' | 'BROKER';
  brokerName: string | null;
  brokerId: number | null;
  state: 'UP' | 'DOWN';
  version: string | null;
  pid: number | null;
  startedAt: string | null;
  lastSeenAt: string | null;
  remotingAddress: string;
  /** Null for a name server, or a broker before its first replication check. */
  replication: NodeReplicationView | null;
  /** Null for a name server, or a broker that has not reported it yet. */
  recovery: NodeRecoveryView | null;
}

export function listNodes(cluster: string): Promise<NodeView[]> {
  return apiRequest('GET', `/api/v1/clusters/${seg(cluster)}/nodes`);
}
