import { apiRequest, seg } from './http';

/** The master role a broker group's configuration gives its master. */
export type BrokerGroupRole = 'SYNC_MASTER' | 'ASYNC_MASTER';

/** A cluster instances are placed on. */
export interface ClusterView {
  id: string;
  maxRetentionHours: number;
  brokerGroups: string[];
  /** Each broker group's configured master role. */
  brokerGroupRoles: Record<string, BrokerGroupRole>;
}

export function getCluster(id: string): Promise<ClusterView> {
  return apiRequest('GET', `/api/v1/clusters/${seg(id)}`);
}
