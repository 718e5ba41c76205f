// Message data for the read-API pages, made in the same run: three messages with key `order-42` sent to
// queue 0 of topic `orders` with a pub+sub credential created through the REST API, and group `billing`
// committed up to offset 2 on that queue (so offsets 0 and 1 are consumed, 2 is not, and the lag is 1).
import assert from 'node:assert/strict';
import { openRemoting } from './remoting.mjs';
import { waitFor } from './wait.mjs';

export const MESSAGE_KEY = 'order-42';
export const SENT = 3;
export const COMMITTED = 2;

export async function sendMessages(api, instance) {
  const base = `/api/v1/instances/${instance.id}`;
  const { credential, secretKey } = await api.post(`${base}/credentials`, { role: 'pub+sub', topics: [], groups: [] });
  const topic = await api.get(`${base}/topics/orders`);
  const brokerName = topic.placement.brokerGroups[0];
  const master = (await api.get('/api/v1/clusters/local/nodes'))
    .find((node) => node.role === 'BROKER' && node.brokerName === brokerName && node.brokerId === 0);
  const remoting = await openRemoting(master.remotingAddress, credential.accessKey, secretKey);
  const wire = (name) => `${instance.id}%${name}`;
  try {
    const message = (index) => ({ producerGroup: wire('e2e-producer'), topic: wire('orders'), brokerName, queueId: 0,
      keys: MESSAGE_KEY, tags: 'paid', body: `{"order":42,"part":${index}}` });
    let last = null;
    // The credential and the topic reach the broker through reconciliation: retry until it stores the first.
    await waitFor('the broker to store a signed message', 120_000, async () => {
      last = await remoting.send(message(0));
      return last.code === 0;
    }).catch((error) => {
      throw new Error(`${error.message}; last answer ${JSON.stringify(last)}`);
    });
    for (let index = 1; index < SENT; index += 1) {
      const answer = await remoting.send(message(index));
      assert.equal(answer.code, 0, JSON.stringify(answer));
    }
    await waitFor('the broker to store the offset of billing', 60_000, async () => {
      last = await remoting.commitOffset({ consumerGroup: wire('billing'), topic: wire('orders'), brokerName,
        queueId: 0, offset: COMMITTED });
      return last.code === 0;
    }).catch((error) => {
      throw new Error(`${error.message}; last answer ${JSON.stringify(last)}`);
    });
  } finally {
    remoting.close();
  }
  return { brokerName, queue: `${brokerName}/0` };
}
