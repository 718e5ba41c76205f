package io.cloudmq.dataplane.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultAheadTest {
    private static final int MIB = 1 << 20;
    /** Larger than the kernel's own read-around of a faulting page (8 MiB on the build machine). */
    private static final int WINDOW = 16 * MIB;
    private static final int FILE_SIZE = 64 * MIB;

    @TempDir
    Path dir;

    @Test
    void pagesAheadOfTheWriterAreFaultedInButNotTheRestOfTheFileAndNothingIsWritten() throws Exception {
        MappedFileQueue queue = new MappedFileQueue(dir, FILE_SIZE);
        MappedFile file = queue.lastWritable(0);
        try (FaultAhead faultAhead = new FaultAhead(queue, WINDOW)) {
            faultAhead.start();
            file.append(ByteBuffer.allocate(1000).put(0, (byte) 1));
            faultAhead.writerAt(queue.maxOffset());

            MappedByteBuffer residency = map(file.path());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> residency.slice(12 * MIB, 4 * MIB - 4096).isLoaded());
            file.append(ByteBuffer.allocate(WINDOW).put(0, (byte) 1));
            faultAhead.writerAt(queue.maxOffset());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> residency.slice(28 * MIB, 4 * MIB).isLoaded());

            assertThat(residency.slice(FILE_SIZE - 8 * MIB, 8 * MIB).isLoaded()).isFalse();
            ByteBuffer ahead = file.view().position(file.writePosition());
            while (ahead.hasRemaining()) {
                assertThat(ahead.getLong()).isZero();
            }
        }
    }

    private static MappedByteBuffer map(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, FILE_SIZE);
        }
    }
}
