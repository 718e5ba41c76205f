package io.cloudmq.api.node;

/**
 * The cluster's operator credential as nodes receive it: it may send every request code (admin codes
 * included), and brokers sign their name-server registrations with it.
 *
 * @param accessKey the operator AccessKey
 * @param sealedSecret the operator SecretKey sealed for the cluster's nodes ({@link SealedSecret})
 */
public record DesiredOperatorCredential(String accessKey, String sealedSecret) {
    @Override
    public String toString() {
        return "DesiredOperatorCredential[accessKey=" + accessKey + "]";
    }
}
