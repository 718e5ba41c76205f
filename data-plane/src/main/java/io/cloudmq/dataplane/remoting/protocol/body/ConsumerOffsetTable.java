package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The body of a {@code GET_ALL_CONSUMER_OFFSET} answer, as RocketMQ's {@code ConsumerOffsetSerializeWrapper}
 * (its data version is not sent), with two optional fields of this broker (issue 7; RocketMQ readers ignore
 * them); also the body of the private {@code MERGE_CONSUMER_OFFSETS} request, without {@code resetTable}.
 *
 * <table>
 *   <caption>JSON fields</caption>
 *   <tr><th>field</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>offsetTable</td><td>object</td><td>{@code "<topic>@<group>"} → object of queue id (string) → committed
 *       offset (long), e.g. {@code {"T@G":{"0":12,"1":7}}}</td></tr>
 *   <tr><td>versionTable</td><td>object, optional</td><td>same keys → queue id → {@code {"epoch": long,
 *       "timeMillis": long}}, the version of each offset; absent from a peer that does not version offsets</td></tr>
 *   <tr><td>resetTable</td><td>object, optional</td><td>{@code "<topic>@<group>"} → array of the queue ids with a
 *       server-side reset pending on the answering master</td></tr>
 * </table>
 *
 * <p>Immutable.
 */
public record ConsumerOffsetTable(
        Map<String, Map<Integer, Long>> offsetTable,
        @Nullable Map<String, Map<Integer, Version>> versionTable,
        @Nullable Map<String, Set<Integer>> resetTable) {

    /** The version of one committed offset: the accepting broker's epoch and clock at the commit. */
    public record Version(long epoch, long timeMillis) {}

    public ConsumerOffsetTable {
        offsetTable = Map.copyOf(offsetTable);
        versionTable = versionTable == null ? null : Map.copyOf(versionTable);
        resetTable = resetTable == null ? null : Map.copyOf(resetTable);
    }
}
