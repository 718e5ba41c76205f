package io.cloudmq.controlplane.credential;

/**
 * A cluster's operator credential with its SecretKey in plaintext, for the control plane's own admin requests
 * and the canary. Never logged: {@link #toString()} masks the secret. Immutable.
 *
 * @param accessKey the operator AccessKey
 * @param secretKey the operator SecretKey, plaintext
 */
public record OperatorSecret(String accessKey, String secretKey) {
    @Override
    public String toString() {
        return "OperatorSecret[accessKey=" + accessKey + ", secretKey=****]";
    }
}
