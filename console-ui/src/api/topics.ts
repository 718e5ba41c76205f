import { apiRequest, Page, seg } from './http';

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
