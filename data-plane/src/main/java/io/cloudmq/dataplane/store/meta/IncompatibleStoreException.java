package io.cloudmq.dataplane.store.meta;

import java.io.IOException;

/** A store directory this node must not open: unknown format major version, or another broker's data. */
public final class IncompatibleStoreException extends IOException {
    private static final long serialVersionUID = 1L;

    public IncompatibleStoreException(String message) {
        super(message);
    }
}
