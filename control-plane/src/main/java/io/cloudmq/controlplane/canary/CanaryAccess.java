package io.cloudmq.controlplane.canary;

/**
 * What the canary's clients need: its system instance (their namespace) and its credential. Never logged:
 * {@link #toString()} masks the secret. Immutable.
 *
 * @param instanceId the reserved system instance
 * @param accessKey the canary credential's AccessKey
 * @param secretKey its SecretKey, plaintext
 */
record CanaryAccess(String instanceId, String accessKey, String secretKey) {
    @Override
    public String toString() {
        return "CanaryAccess[instanceId=" + instanceId + ", accessKey=" + accessKey + ", secretKey=****]";
    }
}
