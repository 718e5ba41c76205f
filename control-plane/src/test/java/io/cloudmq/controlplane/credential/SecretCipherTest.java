package io.cloudmq.controlplane.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final String ACCESS_KEY = "AKabcdefghij01234567";
    private static final String SECRET = "SKabcdefghijklmnopqrstuvwxyz0123456789AB";

    private final SecureRandom random = new SecureRandom();
    private final SecretCipher cipher = new SecretCipher(MasterKey.generate(random), random);

    @Test
    void opensWhatItSealed() {
        byte[] sealed = cipher.seal(ACCESS_KEY, SECRET);

        assertThat(cipher.open(ACCESS_KEY, sealed)).isEqualTo(SECRET);
    }

    @Test
    void sealedSecretHasTheDocumentedLayoutAndHoldsNoPlaintext() {
        byte[] sealed = cipher.seal(ACCESS_KEY, SECRET);

        assertThat(sealed).hasSize(1 + 12 + SECRET.length() + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET.substring(0, 8));
    }

    @Test
    void sealingTwiceUsesFreshNonces() {
        assertThat(cipher.seal(ACCESS_KEY, SECRET)).isNotEqualTo(cipher.seal(ACCESS_KEY, SECRET));
    }

    @Test
    void everyAlteredByteIsRefused() {
        byte[] sealed = cipher.seal(ACCESS_KEY, SECRET);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;

            assertThatThrownBy(() -> cipher.open(ACCESS_KEY, tampered))
                    .as("byte %d flipped", i)
                    .isInstanceOf(SecretUnreadableException.class)
                    .hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void truncatedCiphertextIsRefused() {
        byte[] sealed = cipher.seal(ACCESS_KEY, SECRET);

        assertThatThrownBy(() -> cipher.open(ACCESS_KEY, Arrays.copyOf(sealed, 20)))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void ciphertextMovedToAnotherAccessKeyIsRefused() {
        byte[] sealed = cipher.seal(ACCESS_KEY, SECRET);

        assertThatThrownBy(() -> cipher.open("AKzzzzzzzzzzzzzzzzzz", sealed))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("AKzzzzzzzzzzzzzzzzzz");
    }

    @Test
    void anotherMasterKeyIsRefused() {
        byte[] sealed = cipher.seal(ACCESS_KEY, SECRET);
        SecretCipher other = new SecretCipher(MasterKey.generate(random), random);

        assertThatThrownBy(() -> other.open(ACCESS_KEY, sealed))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("another master key");
    }
}
