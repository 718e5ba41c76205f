package io.cloudmq.controlplane.credential;

/**
 * A stored SecretKey does not decrypt: the row was altered or the master key is not the one it was sealed
 * under. Unexpected (a configuration or integrity failure), so it is an exception and answers 500.
 */
public final class SecretUnreadableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SecretUnreadableException(String accessKey, String reason) {
        super("Cannot decrypt the SecretKey of " + accessKey + ": " + reason);
    }
}
