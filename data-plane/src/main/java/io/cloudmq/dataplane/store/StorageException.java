package io.cloudmq.dataplane.store;

/**
 * An unexpected I/O failure, raised once at the {@link MessageStore} boundary; the store has already
 * turned read-only when it is thrown from a put.
 */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
