import { apiRequest, seg } from './http';

/** Where a broker's log stood in its group at the control plane's latest replication check. */
export interface NodeReplicationView {
  brokerRole: 'ASYNC_MASTER' | 'SYNC_MASTER' | 'SLAVE';
  epoch: number;
  endOffset: number;
  confirmedOffset: number;
  lagBytes: number;
  inSync: boolean;
  checkedAt: string;
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
}

export function listNodes(cluster: string): Promise<NodeView[]> {
  return apiRequest('GET', `/api/v1/clusters/${seg(cluster)}/nodes`);
}
