import { allPages, apiRequest, Page, seg } from './http';
import { MetricSeriesView } from './metrics';

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

const group = (instanceId: string, name: string) => `${base(instanceId)}/${seg(name)}`;

export interface ConsumerClient {
  clientId: string;
  address: string;
  language: string;
  version: number;
  versionName: string;
  brokerName: string;
  lastHeartbeat: string;
}

export interface ConsumerClientsView {
  group: string;
  clients: ConsumerClient[];
}

export interface QueueLag {
  topic: string;
  brokerName: string;
  queueId: number;
  brokerOffset: number;
  consumerOffset: number;
  lag: number;
}

export interface ConsumerLagView {
  group: string;
  totalLag: number;
  queues: QueueLag[];
  /** Failed messages waiting for a retry: unconsumed in the retry topic plus parked in the delay topic. */
  retryBacklog: number;
  /** Messages in the group's dead-letter topic. */
  deadLetters: number;
}

export function getConsumerClients(instanceId: string, name: string): Promise<ConsumerClientsView> {
  return apiRequest('GET', `${group(instanceId, name)}/clients`);
}

export function getConsumerLag(instanceId: string, name: string): Promise<ConsumerLagView> {
  return apiRequest('GET', `${group(instanceId, name)}/lag`);
}

/** Points carry `lag`. */
export function getConsumerGroupMetrics(instanceId: string, name: string): Promise<MetricSeriesView> {
  return apiRequest('GET', `${group(instanceId, name)}/metrics`);
}

export const RESET_TARGETS = ['EARLIEST', 'LATEST', 'TIMESTAMP'] as const;
export type ResetTarget = (typeof RESET_TARGETS)[number];

export interface OffsetResetRequest {
  target: ResetTarget;
  /** Only with TIMESTAMP. */
  timestamp?: string;
  dryRun: boolean;
}

export interface QueueReset {
  topic: string;
  brokerName: string;
  queueId: number;
  currentOffset: number;
  newOffset: number;
  skipped: number;
  redelivered: number;
}

/** A reset of a group's offsets: previewed (dryRun, no id) or applied (id, undoable until a newer one). */
export interface OffsetResetView {
  id: string | null;
  group: string;
  target: ResetTarget;
  timestamp: string | null;
  dryRun: boolean;
  createdAt: string;
  undoneAt: string | null;
  queues: QueueReset[];
  totalSkipped: number;
  totalRedelivered: number;
}

export function resetOffsets(instanceId: string, name: string, request: OffsetResetRequest): Promise<OffsetResetView> {
  return apiRequest('POST', `${group(instanceId, name)}/offset-resets`, request);
}

export function listOffsetResets(instanceId: string, name: string): Promise<OffsetResetView[]> {
  return allPages(`${group(instanceId, name)}/offset-resets`);
}

export function undoOffsetReset(instanceId: string, name: string, resetId: string): Promise<OffsetResetView> {
  return apiRequest('POST', `${group(instanceId, name)}/offset-resets/${seg(resetId)}/undo`);
}

export interface DeadLetterView {
  messageId: string;
  originalTopic: string;
  originalMessageId: string;
  keys: string | null;
  tags: string | null;
  reconsumeTimes: number;
  storeTime: string;
  brokerName: string;
  queueOffset: number;
}

export interface DeadLetterResendView {
  resent: { messageId: string; newMessageId: string; topic: string }[];
}

export const DEAD_LETTER_PAGE_SIZE = 20;

/** One page (numbered from 0) of the group's dead letters; `nextPageToken` is null on the last page. */
export function listDeadLetters(instanceId: string, name: string, page: number): Promise<Page<DeadLetterView>> {
  return apiRequest('GET', `${group(instanceId, name)}/dead-letters?page=${page}&size=${DEAD_LETTER_PAGE_SIZE}`);
}

/** Resends dead letters to their original topics; the idempotency key makes a repeated click harmless. */
export function resendDeadLetters(
  instanceId: string,
  name: string,
  messageIds: string[],
  idempotencyKey: string,
): Promise<DeadLetterResendView> {
  return apiRequest('POST', `${group(instanceId, name)}/dead-letters/resends`, { messageIds },
    { 'Idempotency-Key': idempotencyKey });
}
