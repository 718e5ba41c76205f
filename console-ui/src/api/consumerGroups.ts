import { apiRequest, Page, seg } from './http';

export type DeliveryOrder = 'CONCURRENTLY' | 'ORDERLY';
export type ConsumptionMode = 'CLUSTERING' | 'BROADCASTING';

export interface ConsumerGroupView {
  instanceId: string;
  name: string;
  deliveryOrder: DeliveryOrder;
  consumptionMode: ConsumptionMode;
  maxRetries: number;
  remark: string | null;
  createdAt: string;
  version: number;
}

export interface CreateConsumerGroupRequest {
  name: string;
  deliveryOrder: DeliveryOrder;
  maxRetries: number;
}

const base = (instanceId: string) => `/api/v1/instances/${seg(instanceId)}/consumer-groups`;

export function listConsumerGroups(instanceId: string): Promise<Page<ConsumerGroupView>> {
  return apiRequest('GET', `${base(instanceId)}?pageSize=100`);
}

export function createConsumerGroup(
  instanceId: string,
  request: CreateConsumerGroupRequest,
): Promise<ConsumerGroupView> {
  return apiRequest('POST', base(instanceId), request);
}

export function deleteConsumerGroup(instanceId: string, name: string): Promise<void> {
  return apiRequest('DELETE', `${base(instanceId)}/${seg(name)}`);
}
