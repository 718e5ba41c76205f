package io.cloudmq.controlplane.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credential settings, prefix {@code cloudmq.credentials}. {@link #toString()} never shows the key.
 *
 * @param masterKey base64 of the 256-bit AES key SecretKeys are encrypted with; blank = the key kept in
 *     {@code <cloudmq.data-dir>/master.key}, generated there at first start. Several control-plane replicas must
 *     share one key, so distributed deployments configure it.
 */
@ConfigurationProperties("cloudmq.credentials")
public record CredentialProperties(@DefaultValue("") String masterKey) {
    @Override
    public String toString() {
        return "CredentialProperties[masterKey=" + (masterKey.isBlank() ? "<data-dir>/master.key" : "****") + "]";
    }
}
