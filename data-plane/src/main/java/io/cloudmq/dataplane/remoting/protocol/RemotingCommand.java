package io.cloudmq.dataplane.remoting.protocol;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One remoting request or response (spec §1.3, §1.4): the header fields, the custom header as
 * {@code extFields}, and the body bytes. Immutable (the body array by convention) and safe to share between threads.
 *
 * <p>{@code flag} bit 0 marks a response, bit 1 a oneway request. A response echoes its request's
 * {@code opaque} and is written in its request's {@link SerializeType}. {@code extFields} never holds
 * null values: a null or, in the binary format, empty value means "not set" (spec §8.4 item 9). It is always an
 * {@link ExtFields} (any other map is copied into one), which iterates in natural key order.
 *
 * @param code request code (requests) or response code (responses)
 * @param language sender's language
 * @param version sender's MQVersion ordinal; this server sends {@link #SERVER_VERSION}
 * @param opaque request id, echoed by the response
 * @param flag {@link #RESPONSE_FLAG} and {@link #ONEWAY_FLAG} bits
 * @param remark optional text, usually the reason of an error
 * @param extFields the custom header, every value a string
 * @param body payload; empty when the frame carries none. Shared, not copied: never modify it after
 *     building a command
 * @param serializeType the header format this command came in or is written in
 */
public record RemotingCommand(
        int code,
        LanguageCode language,
        int version,
        int opaque,
        int flag,
        @Nullable String remark,
        Map<String, String> extFields,
        byte[] body,
        SerializeType serializeType) {

    /** MQVersion ordinal of RocketMQ 5.5.0, sent in everything this server writes (spec §1.7). */
    public static final int SERVER_VERSION = 513;

    public static final int RESPONSE_FLAG = 1;
    public static final int ONEWAY_FLAG = 2;

    private static final byte[] NO_BODY = new byte[0];

    public RemotingCommand {
        extFields = ExtFields.copyOf(extFields);
    }

    /** A JSON request with no body; the opaque is assigned when it is sent. */
    public static RemotingCommand request(int code, Map<String, String> extFields) {
        return new RemotingCommand(
                code, LanguageCode.JAVA, SERVER_VERSION, 0, 0, null, extFields, NO_BODY, SerializeType.JSON);
    }

    /** The response to {@code request}, in its format and with its opaque, without body or ext fields. */
    public static RemotingCommand responseTo(RemotingCommand request, int code, @Nullable String remark) {
        return new RemotingCommand(
                code,
                LanguageCode.JAVA,
                SERVER_VERSION,
                request.opaque(),
                RESPONSE_FLAG,
                remark,
                Map.of(),
                NO_BODY,
                request.serializeType());
    }

    public boolean isResponse() {
        return (flag & RESPONSE_FLAG) != 0;
    }

    public boolean isOneway() {
        return (flag & ONEWAY_FLAG) != 0;
    }

    public @Nullable String extField(String name) {
        return extFields.get(name);
    }

    public RemotingCommand withOpaque(int newOpaque) {
        return new RemotingCommand(code, language, version, newOpaque, flag, remark, extFields, body, serializeType);
    }

    public RemotingCommand asOneway() {
        return new RemotingCommand(
                code, language, version, opaque, flag | ONEWAY_FLAG, remark, extFields, body, serializeType);
    }

    public RemotingCommand withExtFields(Map<String, String> newExtFields) {
        return new RemotingCommand(code, language, version, opaque, flag, remark, newExtFields, body, serializeType);
    }

    public RemotingCommand withBody(byte[] newBody) {
        return new RemotingCommand(code, language, version, opaque, flag, remark, extFields, newBody, serializeType);
    }

    public RemotingCommand withSerializeType(SerializeType newType) {
        return new RemotingCommand(code, language, version, opaque, flag, remark, extFields, body, newType);
    }

    @Override
    public String toString() {
        return "RemotingCommand[code=" + code + ", opaque=" + opaque + ", flag=" + flag + ", remark=" + remark
                + ", extFields=" + extFields + ", bodyLength=" + body.length + ", type=" + serializeType + "]";
    }
}
