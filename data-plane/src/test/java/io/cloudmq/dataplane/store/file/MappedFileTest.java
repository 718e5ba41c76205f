package io.cloudmq.dataplane.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {
    @TempDir
    Path dir;

    @Test
    void appendPublishesBytesAndReadSeesOnlyPublishedOnes() throws IOException {
        MappedFile file = MappedFile.open(dir.resolve(StoreFileNames.of(4096)), 4096);

        file.append(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6}));

        assertThat(file.startOffset()).isEqualTo(4096);
        assertThat(file.writePosition()).isEqualTo(6);
        assertThat(file.readOrNull(0, 6)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(file.readOrNull(4, 3)).isNull();
    }

    @Test
    void fileIsCreatedSparseAtItsFullSize() throws IOException {
        Path path = dir.resolve(StoreFileNames.of(0));
        MappedFile.open(path, 1 << 20);

        assertThat(Files.size(path)).isEqualTo(1 << 20);
    }

    @Test
    void appendBeyondTheEndIsRefused() throws IOException {
        MappedFile file = MappedFile.open(dir.resolve(StoreFileNames.of(0)), 8);

        assertThatThrownBy(() -> file.append(ByteBuffer.allocate(9))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void flushCoversTheWritePosition() throws IOException {
        MappedFile file = MappedFile.open(dir.resolve(StoreFileNames.of(0)), 64);
        file.append(ByteBuffer.allocate(10));

        assertThat(file.flush()).isEqualTo(10);
        assertThat(file.flushedPosition()).isEqualTo(10);
    }

    @Test
    void truncateZeroesTheTailAndMovesTheWritePosition() throws IOException {
        MappedFile file = MappedFile.open(dir.resolve(StoreFileNames.of(0)), 64);
        file.append(ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}));

        file.truncateTo(3);

        assertThat(file.writePosition()).isEqualTo(3);
        assertThat(file.view().get(2)).isEqualTo((byte) 9);
        for (int i = 3; i < 20; i++) {
            assertThat(file.view().get(i)).isZero();
        }
    }

    /** Non-zero bytes far behind the position, in different 64 KB blocks and at the file's last byte. */
    @Test
    void truncateZeroesNonZeroBytesInEveryBlockOfALargeTail() throws IOException {
        int size = 300_000;
        MappedFile file = MappedFile.open(dir.resolve(StoreFileNames.of(0)), size);
        file.append(ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9}));
        int[] strays = {70_001, 200_000, size - 1};
        for (int stray : strays) {
            file.resumeAt(stray);
            file.append(ByteBuffer.wrap(new byte[] {5}));
        }

        file.truncateTo(2);

        assertThat(file.writePosition()).isEqualTo(2);
        assertThat(file.view().get(1)).isEqualTo((byte) 9);
        assertThat(file.view().get(2)).isZero();
        for (int stray : strays) {
            assertThat(file.view().get(stray)).as("byte %d", stray).isZero();
        }
    }

    @Test
    void recoverSlotEndStopsAfterTheLastSlotWithANonZeroByteAndClearsAPartialLastSlot() throws IOException {
        int size = 200_003;
        MappedFile file = MappedFile.open(dir.resolve(StoreFileNames.of(0)), size);
        file.resumeAt(131_071);
        file.append(ByteBuffer.wrap(new byte[] {1}));
        file.resumeAt(size - 1);
        file.append(ByteBuffer.wrap(new byte[] {2}));

        int end = file.recoverSlotEnd(20);

        assertThat(end).as("the 20-byte slot holding byte 131,071 ends at 131,080").isEqualTo(131_080);
        assertThat(file.writePosition()).isEqualTo(131_080);
        assertThat(file.view().get(131_071)).isEqualTo((byte) 1);
        assertThat(file.view().get(size - 1)).as("a partial slot is no slot").isZero();
    }

    @Test
    void recoverSlotEndOfAnAllZeroFileIsItsStart() throws IOException {
        MappedFile file = MappedFile.open(dir.resolve(StoreFileNames.of(0)), 1 << 20);

        assertThat(file.recoverSlotEnd(20)).isZero();
        assertThat(file.writePosition()).isZero();
    }

    @Test
    void resumeMovesTheWritePositionWithoutTouchingTheTailAndAppendsContinueThere() throws IOException {
        MappedFile file = MappedFile.open(dir.resolve(StoreFileNames.of(0)), 64);
        file.append(ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9, 9, 9, 9}));

        file.resumeAt(3);
        file.append(ByteBuffer.wrap(new byte[] {7}));

        assertThat(file.writePosition()).isEqualTo(4);
        assertThat(file.view().get(3)).isEqualTo((byte) 7);
        assertThat(file.view().get(4)).as("resume reads and writes nothing behind the position").isEqualTo((byte) 9);
    }

    @Test
    void aFileOfTheWrongSizeIsRefused() throws IOException {
        Path path = dir.resolve(StoreFileNames.of(0));
        Files.write(path, new byte[10]);

        assertThatThrownBy(() -> MappedFile.open(path, 64)).isInstanceOf(IOException.class);
    }

    @Test
    void fileNamesAreTwentyDigitOffsets() {
        assertThat(StoreFileNames.of(1_048_576)).isEqualTo("00000000000001048576");
        assertThat(StoreFileNames.startOffsetOf("00000000000001048576")).isEqualTo(1_048_576);
        assertThat(StoreFileNames.isStoreFileName("checkpoint")).isFalse();
    }
}
