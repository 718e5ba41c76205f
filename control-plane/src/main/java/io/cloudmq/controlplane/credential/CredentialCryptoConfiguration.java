package io.cloudmq.controlplane.credential;

import io.cloudmq.controlplane.shared.config.CloudMqProperties;
import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the key generator and the {@link SecretCipher} under the configured master key, else the one kept
 * in the data directory ({@link MasterKeyFile}).
 */
@Configuration(proxyBeanMethods = false)
class CredentialCryptoConfiguration {
    @Bean
    CredentialKeys credentialKeys() {
        return new CredentialKeys(new SecureRandom());
    }

    @Bean
    SecretCipher secretCipher(CredentialProperties properties, CloudMqProperties cloudmq) {
        SecureRandom random = new SecureRandom();
        MasterKey key = properties.masterKey().isBlank()
                ? MasterKeyFile.loadOrCreate(cloudmq.dataDir().resolve(MasterKeyFile.FILE_NAME), random)
                : MasterKey.parse(properties.masterKey(), "cloudmq.credentials.master-key");
        return new SecretCipher(key, random);
    }
}
