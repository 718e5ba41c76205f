package io.cloudmq.controlplane.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void createsTheFileOnceOwnerOnlyAndReusesIt() throws Exception {
        Path file = dir.resolve("data").resolve(MasterKeyFile.FILE_NAME);

        MasterKey first = MasterKeyFile.loadOrCreate(file, random);
        String written = Files.readString(file);
        MasterKey second = MasterKeyFile.loadOrCreate(file, random);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(written.strip())).hasSize(MasterKey.BYTES);
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(second.base64()).isEqualTo(first.base64());
        byte[] sealed = new SecretCipher(first, random).seal("AK", "secret");
        assertThat(new SecretCipher(second, random).open("AK", sealed)).isEqualTo("secret");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void anExistingFileIsUsedAndNeverReplaced() throws Exception {
        MasterKey existing = MasterKey.generate(random);
        Path file = dir.resolve(MasterKeyFile.FILE_NAME);
        Files.writeString(file, existing.base64() + "\n");

        assertThat(MasterKeyFile.loadOrCreate(file, random).base64()).isEqualTo(existing.base64());
        assertThat(Files.readString(file)).isEqualTo(existing.base64() + "\n");
    }

    @Test
    void aFileWithAShortKeyIsRefusedWithoutQuotingIt() throws Exception {
        Path file = dir.resolve(MasterKeyFile.FILE_NAME);
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        Files.writeString(file, shortKey);

        assertThatThrownBy(() -> MasterKeyFile.loadOrCreate(file, random))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void aConfiguredKeyThatIsNotBase64IsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> MasterKey.parse("not*base64!", "cloudmq.credentials.master-key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cloudmq.credentials.master-key is not valid base64");
    }

    @Test
    void keyTextNeverAppearsInToString() {
        MasterKey key = MasterKey.generate(random);

        assertThat(key.toString()).doesNotContain(key.base64());
        assertThat(new CredentialProperties(key.base64()).toString()).doesNotContain(key.base64());
    }
}
