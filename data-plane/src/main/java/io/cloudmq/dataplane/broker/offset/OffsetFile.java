package io.cloudmq.dataplane.broker.offset;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file of a {@link ConsumerOffsetStore}: UTF-8 JSON, one object, replaced atomically ({@link StateFile}).
 * Written in format 2; format 1 (before offsets had versions, issue 7) is still read, each offset with version
 * (0, 0); any other format is refused.
 *
 * <table>
 *   <caption>consumer-offsets.json</caption>
 *   <tr><th>format</th><th>field</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>1, 2</td><td>formatVersion</td><td>int</td><td>1 or {@value #FORMAT_VERSION}</td></tr>
 *   <tr><td>2</td><td>offsets</td><td>object</td><td>{@code "<topic>@<group>"} → object of queue id (string) →
 *       {@code {"offset": long, "epoch": long, "timeMillis": long}} ({@link CommittedOffset})</td></tr>
 *   <tr><td>1</td><td>offsets</td><td>object</td><td>{@code "<topic>@<group>"} → object of queue id (string) →
 *       offset (long); loaded with epoch 0 and timeMillis 0</td></tr>
 * </table>
 *
 * <p>Threading: stateless over the file; concurrent writes must be serialised by the caller.
 */
final class OffsetFile {
    static final int FORMAT_VERSION = 2;
    private static final int UNVERSIONED_FORMAT = 1;

    private record Header(int formatVersion) {}

    private record Stored(int formatVersion, Map<String, Map<Integer, CommittedOffset>> offsets) {}

    private record Unversioned(int formatVersion, Map<String, Map<Integer, Long>> offsets) {}

    private final StateFile file;
    private final JsonMapper json;

    OffsetFile(StateFile file, JsonMapper json) {
        this.file = file;
        this.json = json;
    }

    /**
     * What the file holds ({@code "<topic>@<group>"} → queue id → offset), empty if there is no file.
     *
     * @throws IOException if the file cannot be read, is not JSON of this layout, or has another format
     */
    Map<String, Map<Integer, CommittedOffset>> read() throws IOException {
        byte[] content = file.read().orElse(null);
        if (content == null) {
            return Map.of();
        }
        try {
            int formatVersion = json.readValue(content, Header.class).formatVersion();
            if (formatVersion == FORMAT_VERSION) {
                return json.readValue(content, Stored.class).offsets();
            }
            if (formatVersion == UNVERSIONED_FORMAT) {
                return withoutVersions(json.readValue(content, Unversioned.class).offsets());
            }
            throw new IOException(file.path() + " has format version " + formatVersion);
        } catch (JacksonException e) {
            throw new IOException(file.path() + " is not a valid offset file: " + e.getOriginalMessage(), e);
        }
    }

    /** Replaces the file's content with {@code offsets}, atomically. */
    void write(Map<String, Map<Integer, CommittedOffset>> offsets) throws IOException {
        file.write(json.writeValueAsBytes(new Stored(FORMAT_VERSION, offsets)));
    }

    private static Map<String, Map<Integer, CommittedOffset>> withoutVersions(Map<String, Map<Integer, Long>> offsets) {
        Map<String, Map<Integer, CommittedOffset>> converted = new HashMap<>();
        offsets.forEach((key, queues) -> {
            Map<Integer, CommittedOffset> entries = new HashMap<>();
            queues.forEach((queueId, offset) -> entries.put(queueId, CommittedOffset.unversioned(offset)));
            converted.put(key, entries);
        });
        return converted;
    }
}
