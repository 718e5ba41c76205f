package io.cloudmq.controlplane.standalone;

/**
 * How to reach the {@code demo} instance: its namespace (the instance id) and its {@code pub+sub} credential.
 * Immutable; {@link #toString()} masks the SecretKey.
 *
 * @param namespace the demo instance's id, the clients' namespace
 * @param accessKey the credential's AccessKey
 * @param secretKey the credential's SecretKey, known only from its creation
 */
record DemoAccess(String namespace, String accessKey, String secretKey) {
    @Override
    public String toString() {
        return "DemoAccess[namespace=" + namespace + ", accessKey=" + accessKey + ", secretKey=****]";
    }
}
