package io.cloudmq.dataplane.store.commitlog;

import io.cloudmq.dataplane.store.file.MappedFile;
import io.cloudmq.dataplane.store.file.MappedFileQueue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The append-only log of all messages of a broker, over a {@link MappedFileQueue}. Records are laid out
 * by {@link RecordCodec}; a record, and every batch, lies within one file: when it does not fit, the
 * rest of the file becomes an end-of-file blank and the append goes to the next file. The physical
 * offset of a record is its position in the log.
 *
 * <p>Threading: {@link #append} is not thread-safe; the store serialises appends under its put lock.
 * Reads are safe from any thread and only see whole, published records. {@link #flush} may run
 * concurrently with appends from one flushing thread.
 */
public final class CommitLog {
    private final MappedFileQueue files;
    private final InetSocketAddress storeHost;
    private volatile long lastStoreTimestamp;

    public CommitLog(MappedFileQueue files, InetSocketAddress storeHost) {
        this.files = files;
        this.storeHost = storeHost;
    }

    public MappedFileQueue files() {
        return files;
    }

    /** Encodes {@code messages} for {@link #append}; safe from any thread, outside the put lock. */
    public EncodedBatch encode(List<IncomingMessage> messages) {
        return EncodedBatch.encode(messages, storeHost);
    }

    /**
     * Appends the records of {@code batch} with queue offsets {@code firstQueueOffset},
     * {@code firstQueueOffset + 1}, ... and store time {@code storeTimestamp}. All land in one file, or
     * none is written.
     */
    public AppendResult append(EncodedBatch batch, long firstQueueOffset, long storeTimestamp) throws IOException {
        int total = batch.totalSize();
        if (total + RecordCodec.MIN_BLANK > files.fileSize()) {
            return AppendResult.tooLarge();
        }
        MappedFile file = files.lastWritable(0);
        if (total + RecordCodec.MIN_BLANK > file.remaining()) {
            ByteBuffer blank = ByteBuffer.allocate(file.remaining());
            RecordCodec.encodeBlank(lastStoreTimestamp, blank);
            file.append(blank.flip());
            file = files.lastWritable(0);
        }
        long physicalOffset = file.startOffset() + file.writePosition();
        batch.assign(physicalOffset, firstQueueOffset, storeTimestamp);
        List<AppendedRecord> records = new ArrayList<>(batch.count());
        for (int i = 0; i < batch.count(); i++) {
            records.add(new AppendedRecord(physicalOffset, batch.size(i), firstQueueOffset + i));
            physicalOffset += batch.size(i);
        }
        file.append(batch.bytes());
        lastStoreTimestamp = storeTimestamp;
        return new AppendResult(AppendStatus.APPENDED, List.copyOf(records), storeTimestamp);
    }

    /** A copy of the {@code size} bytes at {@code physicalOffset}, or {@code null} if they are not stored. */
    public byte @Nullable [] read(long physicalOffset, int size) {
        MappedFile file = files.findByOffset(physicalOffset);
        return file == null ? null : file.readOrNull((int) (physicalOffset - file.startOffset()), size);
    }

    /** A copy of the whole record starting at {@code physicalOffset}, or {@code null} if none starts there. */
    public byte @Nullable [] readRecord(long physicalOffset) {
        byte[] sizeField = read(physicalOffset, Integer.BYTES);
        if (sizeField == null) {
            return null;
        }
        int size = ByteBuffer.wrap(sizeField).getInt();
        byte[] record = size > RecordCodec.MIN_BLANK ? read(physicalOffset, size) : null;
        if (record == null || ByteBuffer.wrap(record).getInt(RecordCodec.MAGIC_POSITION) != RecordCodec.MESSAGE_MAGIC_V1
                || ByteBuffer.wrap(record).getLong(RecordCodec.PHYSICAL_OFFSET_POSITION) != physicalOffset) {
            return null;
        }
        return record;
    }

    /** Validates the record or blank at {@code physicalOffset}, reading the file's whole mapping. */
    public RecordScan scanAt(long physicalOffset) {
        MappedFile file = files.findByOffset(physicalOffset);
        if (file == null) {
            return new RecordScan(RecordScan.Status.NO_MORE_DATA, 0, null);
        }
        return RecordCodec.scan(file.view(), (int) (physicalOffset - file.startOffset()), file.fileSize());
    }

    /**
     * A copy of the bytes from {@code offset} for replication: whole records (and a file's end-of-file
     * blank) of one file, at most {@code maxBytes} unless the first record alone is larger, never past
     * the published end. Empty at the end of the log; {@code null} if {@code offset} is not stored
     * (below the first file or past the end). {@code offset} must be a record boundary.
     */
    public byte @Nullable [] readChunk(long offset, int maxBytes) {
        if (offset == maxOffset()) {
            return new byte[0];
        }
        MappedFile file = files.findByOffset(offset);
        if (file == null) {
            return null;
        }
        int start = (int) (offset - file.startOffset());
        int published = file.writePosition();
        ByteBuffer view = file.view();
        int end = start;
        while (published - end >= RecordCodec.MIN_BLANK) {
            int size = view.getInt(end);
            if (size < RecordCodec.MIN_BLANK || size > published - end || end > start && end + size - start > maxBytes) {
                break;
            }
            end += size;
        }
        return end == start ? null : file.readOrNull(start, end - start);
    }

    /**
     * Appends replicated bytes verbatim at {@code offset}, which must be the end of the log, or any file
     * boundary while the log holds no bytes. The chunk must consist of valid records whose physical
     * offset fields match their positions, optionally closed by an end-of-file blank that ends exactly
     * at the file end; it must not cross a file end. Nothing is written unless all of that holds.
     *
     * @return the headers of the appended records (for dispatch), or why nothing was appended
     */
    public VerbatimAppend appendVerbatim(long offset, ByteBuffer chunk) throws IOException {
        if (offset != maxOffset()) {
            if (maxOffset() != minOffset() || offset % files.fileSize() != 0) {
                return VerbatimAppend.rejected(VerbatimAppend.Status.OFFSET_MISMATCH);
            }
            for (MappedFile empty : files.files()) {
                files.deleteFirst(empty);
            }
        }
        MappedFile file = files.lastWritable(offset);
        ByteBuffer bytes = chunk.slice();
        if (bytes.remaining() > file.remaining()) {
            return VerbatimAppend.rejected(VerbatimAppend.Status.INVALID_DATA);
        }
        List<RecordHeader> headers = new ArrayList<>();
        long storeTimestamp = lastStoreTimestamp;
        int position = 0;
        while (position < bytes.limit()) {
            RecordScan scan = RecordCodec.scan(bytes, position, bytes.limit());
            boolean valid = switch (scan.status()) {
                case RECORD -> scan.headerOrThrow().physicalOffset() == offset + position;
                case END_OF_FILE -> position + scan.size() == bytes.limit() && scan.size() == file.remaining() - position;
                case NO_MORE_DATA, CORRUPT -> false;
            };
            if (!valid) {
                return VerbatimAppend.rejected(VerbatimAppend.Status.INVALID_DATA);
            }
            if (scan.status() == RecordScan.Status.RECORD) {
                headers.add(scan.headerOrThrow());
                storeTimestamp = scan.headerOrThrow().storeTimestamp();
            }
            position += scan.size();
        }
        file.append(bytes);
        lastStoreTimestamp = storeTimestamp;
        return new VerbatimAppend(VerbatimAppend.Status.APPENDED, List.copyOf(headers));
    }

    /** Offset of the first stored byte. */
    public long minOffset() {
        return files.minOffset();
    }

    /** Offset after the last published record. */
    public long maxOffset() {
        return files.maxOffset();
    }

    public long flushedOffset() {
        return files.flushedOffset();
    }

    /** Forces published records to disk and returns the offset the fsync covers. */
    public long flush() throws IOException {
        return files.flush();
    }

    /** Store time of the last appended record (0 if none since start and none recovered). */
    public long lastStoreTimestamp() {
        return lastStoreTimestamp;
    }

    /**
     * Store time of the last record in {@code file}: kept in memory for the active file, read from the
     * end-of-file blank for a sealed one.
     */
    public long lastStoreTimestampOf(MappedFile file) {
        return file == files.lastOrNull() && !file.isFull()
                ? lastStoreTimestamp
                : file.view().getLong(file.fileSize() - Long.BYTES);
    }

    /**
     * Cuts the log at {@code offset} while the store runs (a replica diverged from its master) and
     * forces the zeroed bytes, so a crash cannot bring cut records back. Below the first file it removes
     * every file. Not concurrent with appends (the store's put lock).
     */
    public void truncateLive(long offset) throws IOException {
        files.truncateTo(offset);
        MappedFile last = files.lastOrNull();
        if (last != null) {
            last.forceAll();
        }
    }

    /**
     * Ends the log at {@code offset} after recovery and remembers the last recovered store time: zeroing what
     * lies behind it (a crash may have left a torn tail there) or, with {@code tailKnownZero} (a clean shutdown
     * whose records end on zeros), without reading the rest of the file.
     */
    public void endRecoveredAt(long offset, long lastRecoveredStoreTimestamp, boolean tailKnownZero)
            throws IOException {
        if (tailKnownZero) {
            files.resumeAt(offset);
        } else {
            files.truncateTo(offset);
        }
        lastStoreTimestamp = lastRecoveredStoreTimestamp;
    }
}
