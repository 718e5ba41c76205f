package io.cloudmq.bench.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Random;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.remoting.netty.NettyEncoder;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2;

/**
 * {@code SEND_MESSAGE_V2} (310) frames as the official 5.5.0 producer writes them for {@code send(Message)}: a
 * message with tag, key and unique id, the header its send path fills in, V2 (one-letter) field names, signed by
 * {@link AclClientRPCHook} and encoded by the client's {@link NettyEncoder} (JSON header). Each frame differs in
 * its unique id, key, born timestamp, queue and body, as consecutive sends do.
 *
 * <p>Threading: {@link #build} is a pure function; call it from one thread.
 */
final class OfficialSendFrames {
    private static final String BROKER_ADDRESS = "127.0.0.1:10911";
    private static final int QUEUES = 8;

    private OfficialSendFrames() {}

    /**
     * @param topic and {@code producerGroup} as they go on the wire (with the {@code setNamespace} prefix)
     * @return {@code count} complete frames (length prefix included)
     */
    static byte[][] build(int count, String topic, String producerGroup, String accessKey, String secretKey,
            int bodySize) {
        AclClientRPCHook hook = new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
        Random random = new Random(42);
        byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++) {
            byte[] body = new byte[bodySize];
            random.nextBytes(body);
            Message message = new Message(topic, "TagA", "key-" + i, body);
            MessageClientIDSetter.setUniqID(message);
            RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
                    SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(
                            header(message, producerGroup, i % QUEUES)));
            request.setBody(body);
            hook.doBeforeRequest(BROKER_ADDRESS, request);
            frames[i] = encode(request);
        }
        return frames;
    }

    /** The header {@code DefaultMQProducerImpl} fills in for a single message. */
    private static SendMessageRequestHeader header(Message message, String producerGroup, int queueId) {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup(producerGroup);
        header.setTopic(message.getTopic());
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(queueId);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(message.getFlag());
        header.setProperties(MessageDecoder.messageProperties2String(message.getProperties()));
        header.setReconsumeTimes(0);
        header.setUnitMode(false);
        header.setBatch(false);
        header.setBrokerName("broker-a");
        return header;
    }

    private static byte[] encode(RemotingCommand request) {
        EmbeddedChannel client = new EmbeddedChannel(new NettyEncoder());
        try {
            client.writeOutbound(request);
            ByteBuf frame = client.readOutbound();
            try {
                return ByteBufUtil.getBytes(frame);
            } finally {
                frame.release();
            }
        } finally {
            client.finishAndReleaseAll();
        }
    }
}
