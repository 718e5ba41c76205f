// A minimal RocketMQ remoting client, just enough for the e2e run to create message data the console
// shows: SEND_MESSAGE_V2 (310) and a sync UPDATE_CONSUMER_OFFSET (15), JSON headers, every request signed
// like the official client's AclClientRPCHook (HmacSHA1 over the sorted ext values and the body).
//
// Frame (big-endian): int32 totalLength (= 4 + headerLength + bodyLength) | int32 (serializeType << 24 |
// headerLength), serializeType 0 = JSON | header | body.
import { createHmac, randomBytes } from 'node:crypto';
import { connect } from 'node:net';

const SEND_MESSAGE_V2 = 310;
const UPDATE_CONSUMER_OFFSET = 15;
const VERSION_5_5_0 = 513;

/** ext + AccessKey + Signature = Base64(HmacSHA1(secret, values sorted by key ‖ body)). */
export function sign(ext, body, accessKey, secretKey) {
  const fields = { ...ext, AccessKey: accessKey };
  const content = Object.keys(fields).sort().map((key) => fields[key]).join('');
  const signature = createHmac('sha1', secretKey).update(Buffer.concat([Buffer.from(content, 'utf8'), body]))
    .digest('base64');
  return { ...fields, Signature: signature };
}

function frame(header, body) {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeInt32BE(4 + json.length + body.length, 0);
  prefix.writeInt32BE(json.length & 0xffffff, 4);
  return Buffer.concat([prefix, json, body]);
}

/** A connection to one node; `request` resolves with the JSON response header. */
export async function openRemoting(address, accessKey, secretKey) {
  const [host, port] = address.split(':');
  const socket = connect({ host, port: Number(port) });
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const pending = new Map();
  let opaque = 0;
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
      const total = buffered.readInt32BE(0);
      const headerLength = buffered.readInt32BE(4) & 0xffffff;
      const header = JSON.parse(buffered.subarray(8, 8 + headerLength).toString('utf8'));
      buffered = buffered.subarray(4 + total);
      pending.get(header.opaque)?.(header);
      pending.delete(header.opaque);
    }
  });
  socket.on('error', (error) => pending.forEach((resolve) => resolve({ code: -1, remark: String(error) })));

  function request(code, ext, body = Buffer.alloc(0)) {
    opaque += 1;
    const header = { code, language: 'JAVA', version: VERSION_5_5_0, opaque, flag: 0,
      extFields: sign(ext, body, accessKey, secretKey) };
    return new Promise((resolve) => {
      pending.set(opaque, resolve);
      socket.write(frame(header, body));
    });
  }

  return {
    /** Sends one message to a queue; resolves with the response header (code 0 = stored). */
    send({ producerGroup, topic, brokerName, queueId, keys, tags, body }) {
      const uniqKey = randomBytes(16).toString('hex').toUpperCase();
      const properties = Object.entries({ KEYS: keys, TAGS: tags, UNIQ_KEY: uniqKey, WAIT: 'true' })
        .map(([name, value]) => `${name}\u0001${value}\u0002`).join('');
      return request(SEND_MESSAGE_V2, {
        a: producerGroup, b: topic, c: 'TBW102', d: '4', e: String(queueId), f: '0', g: String(Date.now()), h: '0',
        i: properties, j: '0', k: 'false', m: 'false', n: brokerName,
      }, Buffer.from(body, 'utf8'));
    },
    /** Commits a consumer offset synchronously; resolves with the response header (code 0 = stored). */
    commitOffset({ consumerGroup, topic, brokerName, queueId, offset }) {
      return request(UPDATE_CONSUMER_OFFSET, {
        consumerGroup, topic, queueId: String(queueId), commitOffset: String(offset), bname: brokerName,
      });
    },
    close: () => socket.destroy(),
  };
}
