package io.cloudmq.dataplane.remoting.codec;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The field names the official client's JSON headers carry on every request a broker serves often, so that
 * {@link JsonTokens#name} hands out one shared {@link String} (its hash code already computed) instead of
 * a new string per key per frame: the header's own keys, the signature's keys, the one-letter names of
 * {@code SEND_MESSAGE_V2} and the pull, offset, send and common RPC header names (spec §3–§4).
 *
 * <p>Names of one byte are found by that byte; longer ones in an open-addressing table (linear probing) keyed
 * by {@link String#hashCode}, computed over the bytes as it would be over their ISO-8859-1 string, each slot
 * holding the name and its bytes. Immutable after class initialisation and thread-safe.
 */
final class KnownNames {
    private static final String[] NAMES = {
            "code", "extFields", "flag", "language", "opaque", "remark", "serializeTypeCurrentRPC", "version",
            "AccessKey", "Signature", "SecurityToken",
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
            "bname", "ns", "nsd", "oway", "lo",
            "producerGroup", "topic", "defaultTopic", "defaultTopicQueueNums", "queueId", "sysFlag", "bornTimestamp",
            "properties", "reconsumeTimes", "unitMode", "batch", "maxReconsumeTimes", "brokerName",
            "consumerGroup", "queueOffset", "maxMsgNums", "commitOffset", "suspendTimeoutMillis", "subscription",
            "subVersion", "expressionType", "maxMsgBytes"};
    private static final String[] ONE_BYTE = new String[128];
    private static final String[] TABLE = new String[256];
    private static final byte[][] TABLE_BYTES = new byte[TABLE.length][];
    private static final int MASK = TABLE.length - 1;

    static {
        for (String name : NAMES) {
            if (name.length() == 1) {
                ONE_BYTE[name.charAt(0)] = name;
                continue;
            }
            int slot = name.hashCode() & MASK;
            while (TABLE[slot] != null) {
                slot = (slot + 1) & MASK;
            }
            TABLE[slot] = name;
            TABLE_BYTES[slot] = name.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private KnownNames() {}

    /** The known name whose characters are the ASCII bytes {@code json[from, to)}, or null. */
    static @Nullable String find(byte[] json, int from, int to) {
        if (to - from == 1) {
            return ONE_BYTE[json[from] & 0x7F];
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + json[i];
        }
        for (int slot = hash & MASK; TABLE[slot] != null; slot = (slot + 1) & MASK) {
            if (matches(TABLE_BYTES[slot], json, from, to)) {
                return TABLE[slot];
            }
        }
        return null;
    }

    private static boolean matches(byte[] name, byte[] json, int from, int to) {
        if (name.length != to - from) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (name[i] != json[from + i]) {
                return false;
            }
        }
        return true;
    }
}
