import { apiRequest, seg } from './http';

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
}

export function listNodes(cluster: string): Promise<NodeView[]> {
  return apiRequest('GET', `/api/v1/clusters/${seg(cluster)}/nodes`);
}
