package io.cloudmq.dataplane.broker.drain;

/** Where a broker is in its drain, in the order the phases are entered. */
public enum DrainPhase {
    /** Registered writable; every request is processed. */
    SERVING,
    /** Registered without write permission; every send that still arrives is stored. */
    FENCED,
    /** Sends of clients newer than {@value SendAdmission#LAST_VERSION_WITHOUT_GO_AWAY} get GO_AWAY; older clients' and oneway sends are stored. */
    CLOSING_SENDS,
    /** No more writes: GO_AWAY for newer clients, connection close for the other sends. */
    FROZEN,
    /** Frozen, and waiting for consumers to commit up to the max offsets; pulls and offset commits are served. */
    QUIESCING,
    /** Answering held pulls and unregistering. */
    LEAVING,
    /** Left the name servers; the process exits. */
    LEFT;

    /** Whether sends may still be stored in this phase (by some clients). */
    boolean storesSends() {
        return compareTo(CLOSING_SENDS) <= 0;
    }

    /** Whether the broker is registered (or leaving) without write permission. */
    boolean fenced() {
        return this != SERVING;
    }
}
