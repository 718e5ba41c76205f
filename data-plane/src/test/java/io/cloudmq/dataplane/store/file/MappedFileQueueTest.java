package io.cloudmq.dataplane.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileQueueTest {
    @TempDir
    Path dir;

    @Test
    void fullFileRollsToANewFileNamedByItsStartOffset() throws IOException {
        MappedFileQueue queue = new MappedFileQueue(dir, 16);
        queue.lastWritable(0).append(ByteBuffer.allocate(16));

        MappedFile second = queue.lastWritable(0);

        assertThat(second.startOffset()).isEqualTo(16);
        assertThat(Files.exists(dir.resolve("00000000000000000016"))).isTrue();
        assertThat(queue.findByOffset(20)).isSameAs(second);
        assertThat(queue.findByOffset(32)).isNull();
    }

    @Test
    void loadMapsExistingFilesInOrder() throws IOException {
        MappedFileQueue queue = new MappedFileQueue(dir, 16);
        queue.lastWritable(0).append(ByteBuffer.allocate(16));
        queue.lastWritable(0).append(ByteBuffer.allocate(4));

        MappedFileQueue reopened = new MappedFileQueue(dir, 16);
        reopened.load();

        assertThat(reopened.files()).extracting(MappedFile::startOffset).containsExactly(0L, 16L);
        assertThat(reopened.maxOffset()).isEqualTo(32);
    }

    @Test
    void truncateDeletesLaterFilesAndCutsTheHoldingOne() throws IOException {
        MappedFileQueue queue = new MappedFileQueue(dir, 16);
        for (int i = 0; i < 3; i++) {
            queue.lastWritable(0).append(ByteBuffer.allocate(16));
        }

        queue.truncateTo(20);

        assertThat(queue.files()).extracting(MappedFile::startOffset).containsExactly(0L, 16L);
        assertThat(queue.maxOffset()).isEqualTo(20);
        assertThat(Files.exists(dir.resolve(StoreFileNames.of(32)))).isFalse();
    }
}
