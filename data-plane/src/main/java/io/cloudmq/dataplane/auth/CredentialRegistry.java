package io.cloudmq.dataplane.auth;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential table a node currently serves. The desired-state push replaces it whole; requests read it
 * without locking. Thread-safe: {@link #replace} is an atomic swap, and a request that already read the
 * old table finishes with it.
 */
public final class CredentialRegistry {
    private static final Logger log = LoggerFactory.getLogger(CredentialRegistry.class);

    private final AtomicReference<CredentialTable> current;

    public CredentialRegistry(CredentialTable initial) {
        this.current = new AtomicReference<>(initial);
    }

    /** Starts with {@link CredentialTable#EMPTY}: everything is refused until the first table arrives. */
    public CredentialRegistry() {
        this(CredentialTable.EMPTY);
    }

    public CredentialTable current() {
        return current.get();
    }

    public void replace(CredentialTable table) {
        current.set(table);
        log.info("credential table replaced: {} credentials", table.size());
    }
}
