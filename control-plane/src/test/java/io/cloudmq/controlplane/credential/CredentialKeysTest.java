package io.cloudmq.controlplane.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CredentialKeysTest {
    private final CredentialKeys keys = new CredentialKeys(new SecureRandom());

    @Test
    void accessKeysAre20AndSecretKeys40AlphanumericCharacters() {
        assertThat(keys.accessKey()).matches("[A-Za-z0-9]{20}");
        assertThat(keys.secretKey()).matches("[A-Za-z0-9]{40}");
    }

    @Test
    void generatedKeysDoNotRepeatAndUseTheWholeAlphabet() {
        Set<String> secrets = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> secrets.add(keys.secretKey()));

        assertThat(secrets).hasSize(1000);
        assertThat(String.join("", secrets).chars().distinct().count()).isEqualTo(62);
    }
}
