import { apiRequest, Page, seg } from './http';

export type InstanceTier = 'single_node' | 'cluster_ha';

export interface InstanceQuotas {
  maxTopics: number;
  maxGroups: number;
  retentionHours: number;
  maxMessageBytes: number;
}

export interface InstanceView {
  id: string;
  name: string;
  description: string | null;
  cluster: string;
  tier: InstanceTier;
  quotas: InstanceQuotas;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CreateInstanceRequest {
  name: string;
  description?: string;
  cluster: string;
  tier: InstanceTier;
}

export function listInstances(): Promise<Page<InstanceView>> {
  return apiRequest('GET', '/api/v1/instances?pageSize=100');
}

export function getInstance(id: string): Promise<InstanceView> {
  return apiRequest('GET', `/api/v1/instances/${seg(id)}`);
}

export function createInstance(request: CreateInstanceRequest): Promise<InstanceView> {
  return apiRequest('POST', '/api/v1/instances', request);
}
