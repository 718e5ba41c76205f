package io.cloudmq.controlplane.credential;

import io.cloudmq.controlplane.security.AdminOnlyApiPaths;
import io.cloudmq.controlplane.shared.idempotency.SecretAnswerPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where credential endpoints need more than the defaults: the answer of a credential's creation holds its
 * SecretKey, so it is never stored for idempotent replay; the operator credential is shown to admin keys only.
 */
@Configuration(proxyBeanMethods = false)
class CredentialApiPaths {
    @Bean
    SecretAnswerPaths credentialCreation() {
        return () -> List.of(CredentialController.PATH);
    }

    @Bean
    AdminOnlyApiPaths operatorCredential() {
        return () -> List.of(OperatorCredentialController.PATH);
    }
}
