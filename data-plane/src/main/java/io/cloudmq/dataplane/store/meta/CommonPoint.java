package io.cloudmq.dataplane.store.meta;

import java.util.ArrayList;
import java.util.List;

/**
 * Where two commit logs stop agreeing, decided by their epoch histories alone (one master per epoch,
 * so two logs hold the same bytes wherever they hold the same epoch at the same offsets).
 *
 * <ol>
 *   <li>Each history covers its log: term {@code i} spans from its start offset to the next term's
 *       start (the last term to the log's end). Bytes before the first term belong to an implicit
 *       epoch 0 starting at offset 0, so logs written before any epoch was recorded still compare.</li>
 *   <li>Walking the local terms from newest to oldest, the first epoch the peer also has with the same
 *       start offset decides: the common point is the smaller of the two ends of that term.</li>
 *   <li>With no such term the logs share nothing: the common point is 0.</li>
 * </ol>
 *
 * <p>Example: A wrote epoch 1 up to 1000 and died; B had replicated up to 800, was promoted (epoch 2
 * from 800) and wrote up to 1000. Both logs are 1000 bytes long; A's common point with B is 800.
 *
 * <p>Threading: stateless.
 */
public final class CommonPoint {
    private CommonPoint() {}

    /**
     * The offset up to which a local log ({@code local} history, end {@code localEnd}) and a peer's log
     * hold the same bytes; the local log must be cut there before it follows the peer.
     */
    public static long of(List<EpochEntry> local, long localEnd, List<EpochEntry> peer, long peerEnd) {
        List<EpochEntry> localTerms = withImplicitEpochZero(local);
        List<EpochEntry> peerTerms = withImplicitEpochZero(peer);
        for (int i = localTerms.size() - 1; i >= 0; i--) {
            EpochEntry term = localTerms.get(i);
            for (int j = 0; j < peerTerms.size(); j++) {
                EpochEntry peerTerm = peerTerms.get(j);
                if (peerTerm.epoch() == term.epoch() && peerTerm.startOffset() == term.startOffset()) {
                    return Math.min(endOf(localTerms, i, localEnd), endOf(peerTerms, j, peerEnd));
                }
            }
        }
        return 0;
    }

    private static long endOf(List<EpochEntry> terms, int index, long logEnd) {
        long end = index + 1 < terms.size() ? terms.get(index + 1).startOffset() : logEnd;
        return Math.min(end, logEnd);
    }

    private static List<EpochEntry> withImplicitEpochZero(List<EpochEntry> history) {
        if (!history.isEmpty() && history.get(0).startOffset() == 0) {
            return history;
        }
        List<EpochEntry> terms = new ArrayList<>(history.size() + 1);
        terms.add(new EpochEntry(0, 0));
        terms.addAll(history);
        return terms;
    }
}
