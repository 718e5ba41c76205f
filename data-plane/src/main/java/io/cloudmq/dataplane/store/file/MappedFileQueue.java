package io.cloudmq.dataplane.store.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.function.ObjIntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An ordered run of equally sized {@link MappedFile}s in one directory that together form one logical
 * byte sequence; file {@code n} starts at offset {@code firstStart + n * fileSize}. Files are only ever
 * added at the end and removed at the start, so the sequence has no holes.
 *
 * <p>Threading: one thread appends and creates files; any thread may read or look files up (the list
 * is copy-on-write); flushing and deleting from the head are done by one thread at a time.
 */
public final class MappedFileQueue {
    private final Path directory;
    private final int fileSize;
    private final CopyOnWriteArrayList<MappedFile> files = new CopyOnWriteArrayList<>();

    public MappedFileQueue(Path directory, int fileSize) {
        this.directory = directory;
        this.fileSize = fileSize;
    }

    /**
     * Maps every existing store file of the directory, each marked full; recovery then sets the real
     * write position of the last ones.
     *
     * @throws IOException if a file has the wrong size or the files do not form a contiguous run
     */
    public void load() throws IOException {
        Files.createDirectories(directory);
        List<Path> paths;
        try (Stream<Path> listing = Files.list(directory)) {
            paths = listing.filter(p -> StoreFileNames.isStoreFileName(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
        List<MappedFile> loaded = new ArrayList<>();
        for (Path path : paths) {
            MappedFile file = MappedFile.open(path, fileSize);
            if (!loaded.isEmpty() && file.startOffset() != loaded.get(loaded.size() - 1).startOffset() + fileSize) {
                throw new IOException("gap in store files before " + path);
            }
            file.markFull();
            loaded.add(file);
        }
        files.addAll(loaded);
    }

    public int fileSize() {
        return fileSize;
    }

    /** Snapshot of the files, oldest first. */
    public List<MappedFile> files() {
        return List.copyOf(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public @Nullable MappedFile lastOrNull() {
        List<MappedFile> snapshot = files;
        return snapshot.isEmpty() ? null : snapshot.get(snapshot.size() - 1);
    }

    public @Nullable MappedFile firstOrNull() {
        List<MappedFile> snapshot = files;
        return snapshot.isEmpty() ? null : snapshot.get(0);
    }

    /**
     * The file to append to: the last one if it is not full, else a new file starting where the last
     * one ends (or at {@code startIfEmpty} when there is none). Writer thread only.
     */
    public MappedFile lastWritable(long startIfEmpty) throws IOException {
        MappedFile last = lastOrNull();
        if (last != null && !last.isFull()) {
            return last;
        }
        long start = last == null ? startIfEmpty - startIfEmpty % fileSize : last.startOffset() + fileSize;
        Files.createDirectories(directory);
        MappedFile created = MappedFile.open(directory.resolve(StoreFileNames.of(start)), fileSize);
        files.add(created);
        return created;
    }

    /** The file holding {@code offset}, or {@code null} if no current file does. */
    public @Nullable MappedFile findByOffset(long offset) {
        List<MappedFile> snapshot = files;
        if (snapshot.isEmpty()) {
            return null;
        }
        long first = snapshot.get(0).startOffset();
        if (offset < first) {
            return null;
        }
        long index = (offset - first) / fileSize;
        return index < snapshot.size() ? snapshot.get((int) index) : null;
    }

    /** Start offset of the first file, or 0 when there is none. */
    public long minOffset() {
        MappedFile first = firstOrNull();
        return first == null ? 0 : first.startOffset();
    }

    /** Offset after the last published byte. */
    public long maxOffset() {
        MappedFile last = lastOrNull();
        return last == null ? 0 : last.startOffset() + last.writePosition();
    }

    /** Offset up to which all bytes are known to be on disk. */
    public long flushedOffset() {
        for (MappedFile file : files) {
            if (file.flushedPosition() < file.writePosition()) {
                return file.startOffset() + file.flushedPosition();
            }
        }
        return maxOffset();
    }

    /**
     * Forces every file with unflushed bytes to disk, oldest first.
     *
     * @return the offset covered by the completed fsyncs
     */
    public long flush() throws IOException {
        long covered = 0;
        for (MappedFile file : files) {
            // read the write position once: a concurrent append must not be counted as covered
            int written = file.writePosition();
            covered = file.startOffset() + (file.flushedPosition() < written ? file.flush() : written);
        }
        return covered;
    }

    /**
     * Cuts the sequence at {@code offset}: later files are deleted, the file holding it is truncated.
     * For recovery only.
     */
    public void truncateTo(long offset) throws IOException {
        cutAt(offset, MappedFile::truncateTo);
    }

    /**
     * Cuts the sequence at {@code offset} as {@link #truncateTo} does, where the bytes behind {@code offset} are
     * known to be zero ({@link MappedFile#resumeAt}). For recovery only.
     */
    public void resumeAt(long offset) throws IOException {
        cutAt(offset, MappedFile::resumeAt);
    }

    private void cutAt(long offset, ObjIntConsumer<MappedFile> cutFile) throws IOException {
        for (MappedFile file : files()) {
            long end = file.startOffset() + fileSize;
            if (file.startOffset() >= offset && !(file.startOffset() == offset && file == firstOrNull())) {
                files.remove(file);
                file.delete();
            } else if (end > offset) {
                cutFile.accept(file, (int) (offset - file.startOffset()));
            }
        }
    }

    /** Removes and deletes the first file, which the caller has decided is expired. */
    public void deleteFirst(MappedFile expected) throws IOException {
        if (files.remove(expected)) {
            expected.delete();
        }
    }
}
