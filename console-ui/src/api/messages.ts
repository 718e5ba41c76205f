import { apiRequest, seg } from './http';

export type DeliveryState = 'CONSUMED' | 'NOT_CONSUMED';

export interface MessageDelivery {
  group: string;
  committedOffset: number;
  state: DeliveryState;
}

export interface MessageView {
  messageId: string;
  topic: string;
  tags: string | null;
  keys: string | null;
  properties: Record<string, string>;
  bodySize: number;
  /** UTF-8 text (at most 4 KiB), null when the body is not valid UTF-8. */
  body: string | null;
  storeTime: string;
  bornTime: string;
  brokerName: string;
  queueId: number;
  queueOffset: number;
  deliveries: MessageDelivery[];
}

export interface MessageQueryView {
  messages: MessageView[];
}

/** What to look for: one message id, or the messages of a topic with a key. */
export type MessageQuery = { messageId: string } | { topic: string; key: string };

export function queryMessages(instanceId: string, query: MessageQuery): Promise<MessageQueryView> {
  const params = new URLSearchParams(
    'messageId' in query ? { messageId: query.messageId } : { topic: query.topic, key: query.key },
  );
  return apiRequest('GET', `/api/v1/instances/${seg(instanceId)}/messages?${params}`);
}
