import { apiRequest, Page, seg } from './http';
import { MetricSeriesView } from './metrics';

export const MESSAGE_TYPES = ['NORMAL', 'FIFO', 'DELAY', 'TRANSACTION'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface TopicView {
  instanceId: string;
  name: string;
  messageType: MessageType;
  permission: string;
  placement: { brokerGroups?: string[]; queuesPerGroup?: number } & Record<string, unknown>;
  remark: string | null;
  createdAt: string;
  version: number;
}

export interface CreateTopicRequest {
  name: string;
  messageType: MessageType;
}

const base = (instanceId: string) => `/api/v1/instances/${seg(instanceId)}/topics`;

export function listTopics(instanceId: string): Promise<Page<TopicView>> {
  return apiRequest('GET', `${base(instanceId)}?pageSize=100`);
}

export function createTopic(instanceId: string, request: CreateTopicRequest): Promise<TopicView> {
  return apiRequest('POST', base(instanceId), request);
}

export function deleteTopic(instanceId: string, name: string): Promise<void> {
  return apiRequest('DELETE', `${base(instanceId)}/${seg(name)}`);
}

export interface TopicQueueStats {
  brokerName: string;
  queueId: number;
  minOffset: number;
  maxOffset: number;
  lastStoreTime: string | null;
}

/** Message count (Σ maxOffset − minOffset) and the rates of the last scrape interval. */
export interface TopicStatsView {
  topic: string;
  messageCount: number;
  sendTps: number;
  receiveTps: number;
  queues: TopicQueueStats[];
}

export function getTopicStats(instanceId: string, name: string): Promise<TopicStatsView> {
  return apiRequest('GET', `${base(instanceId)}/${seg(name)}/stats`);
}

/** Points carry `sendTps` and `receiveTps`. */
export function getTopicMetrics(instanceId: string, name: string): Promise<MetricSeriesView> {
  return apiRequest('GET', `${base(instanceId)}/${seg(name)}/metrics`);
}
