package io.cloudmq.dataplane.store.index;

import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.RecordHeader;
import io.cloudmq.dataplane.store.file.StoreFileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent index from {@code topic#key} (every key of {@code KEYS}) and {@code topic#uniqueId}
 * ({@code UNIQ_KEY}) to physical offsets, over a run of {@link IndexFile}s. Lookups return candidates
 * by hash; the caller confirms each against the record, since hashes collide.
 *
 * <p>The index has its own checkpoint, {@link #indexedOffset()}: every record below it is indexed.
 * Records below it are ignored when replayed.
 *
 * <p>Threading: {@link #put}, {@link #recover} and {@link #deleteBelow} from one thread at a time (the
 * store writer, recovery, retention under the put lock); lookups from any thread.
 */
public final class IndexService {
    private static final Logger log = LoggerFactory.getLogger(IndexService.class);

    private final Path directory;
    private final int slotsPerFile;
    private final int entriesPerFile;
    private final CopyOnWriteArrayList<IndexFile> files = new CopyOnWriteArrayList<>();
    private volatile long indexedOffset;

    public IndexService(Path directory, int slotsPerFile, int entriesPerFile) {
        this.directory = directory;
        this.slotsPerFile = slotsPerFile;
        this.entriesPerFile = entriesPerFile;
    }

    /**
     * Maps the index files on disk. A file whose header is unusable (a crash while it was created) is
     * deleted with every later one: the indexed offset then ends before them, so recovery re-indexes
     * their records from the commit log.
     */
    public void load() throws IOException {
        Files.createDirectories(directory);
        List<Path> paths;
        try (Stream<Path> listing = Files.list(directory)) {
            paths = listing.filter(p -> StoreFileNames.isStoreFileName(p.getFileName().toString())).sorted().toList();
        }
        for (int i = 0; i < paths.size(); i++) {
            Optional<IndexFile> file = IndexFile.open(paths.get(i));
            if (file.isEmpty()) {
                log.warn("index file {} has an unusable header; it and {} later file(s) are rebuilt from the "
                        + "commit log", paths.get(i), paths.size() - i - 1);
                for (Path unusable : paths.subList(i, paths.size())) {
                    Files.delete(unusable);
                }
                break;
            }
            files.add(file.get());
        }
        IndexFile last = last();
        indexedOffset = last == null ? 0 : last.endOffset();
    }

    /**
     * Drops index entries at or beyond {@code offset} (they are replayed from the commit log).
     * Recovery only.
     */
    public void recover(long offset) throws IOException {
        for (IndexFile file : List.copyOf(files)) {
            if (file.firstOffset() >= offset && file != files.get(0)) {
                files.remove(file);
                Files.deleteIfExists(file.path());
            }
        }
        IndexFile last = last();
        if (last != null) {
            last.rollBackTo(offset);
        }
        indexedOffset = Math.min(indexedOffset, offset);
    }

    /** Indexes the keys and unique id of one record, unless it is below the indexed offset. */
    public void put(RecordHeader record, Map<String, String> properties) throws IOException {
        if (record.physicalOffset() < indexedOffset) {
            return;
        }
        List<String> keys = new ArrayList<>(MessageProperties.keys(properties));
        String uniqueId = MessageProperties.uniqueId(properties);
        if (uniqueId != null) {
            keys.add(uniqueId);
        }
        IndexFile file = last();
        if (file == null || !file.hasRoomFor(keys.size())) {
            file = IndexFile.create(directory, record.physicalOffset(), slotsPerFile,
                    Math.max(entriesPerFile, keys.size()));
            files.add(file);
        }
        for (String key : keys) {
            file.add(hash(record.topic(), key), record.physicalOffset());
        }
        long end = record.physicalOffset() + record.size();
        file.markIndexedUpTo(end);
        indexedOffset = end;
    }

    /** Candidate physical offsets for {@code key} of {@code topic}, newest first, at most {@code max}. */
    public List<Long> find(String topic, String key, int max) {
        int hash = hash(topic, key);
        List<Long> found = new ArrayList<>();
        List<IndexFile> snapshot = List.copyOf(files);
        for (int i = snapshot.size() - 1; i >= 0 && found.size() < max; i--) {
            found.addAll(snapshot.get(i).find(hash, max - found.size()));
        }
        return found;
    }

    /** Every record below this commit-log offset is indexed. */
    public long indexedOffset() {
        return indexedOffset;
    }

    public void flush() throws IOException {
        for (IndexFile file : files) {
            file.flush();
        }
    }

    /** Deletes index files that only cover records below {@code minPhysicalOffset}; never the last. */
    public void deleteBelow(long minPhysicalOffset) throws IOException {
        while (files.size() > 1 && files.get(1).firstOffset() <= minPhysicalOffset) {
            IndexFile first = files.remove(0);
            Files.deleteIfExists(first.path());
        }
    }

    private @Nullable IndexFile last() {
        return files.isEmpty() ? null : files.get(files.size() - 1);
    }

    private static int hash(String topic, String key) {
        return (topic + "#" + key).hashCode();
    }
}
