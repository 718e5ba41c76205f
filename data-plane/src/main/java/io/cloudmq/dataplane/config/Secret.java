package io.cloudmq.dataplane.config;

/**
 * A configured credential. {@link #toString()} never shows the value, so a secret cannot leak into a
 * log line by printing the configuration that holds it. Immutable.
 *
 * @param value the credential itself
 */
public record Secret(String value) {
    @Override
    public String toString() {
        return "Secret[****]";
    }
}
