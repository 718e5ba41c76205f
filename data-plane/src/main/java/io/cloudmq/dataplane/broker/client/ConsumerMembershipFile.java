package io.cloudmq.dataplane.broker.client;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer groups' members as this broker last knew them, kept so that a restarted broker can tell when
 * every member has heartbeated again ({@link ConsumerListWarmUp}). UTF-8 JSON, one object, replaced atomically
 * ({@link StateFile}); written when a consumer joins or leaves, never because this broker closed connections.
 *
 * <table>
 *   <caption>consumer-members.json</caption>
 *   <tr><th>field</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>formatVersion</td><td>int</td><td>{@value #FORMAT_VERSION}</td></tr>
 *   <tr><td>members</td><td>object</td><td>consumer group → array of client ids (strings)</td></tr>
 * </table>
 *
 * <p>Threading: stateless over the file; concurrent writes must be serialised by the caller.
 */
public final class ConsumerMembershipFile {
    static final int FORMAT_VERSION = 1;

    private record Stored(int formatVersion, Map<String, Set<String>> members) {}

    private final StateFile file;
    private final JsonMapper json;

    public ConsumerMembershipFile(StateFile file, JsonMapper json) {
        this.file = file;
        this.json = json;
    }

    /**
     * The stored membership; empty if there is no file (never written, or written by a version without it).
     *
     * @throws IOException if the file cannot be read or is not of this layout and format
     */
    public Optional<Map<String, Set<String>>> read() throws IOException {
        byte[] content = file.read().orElse(null);
        if (content == null) {
            return Optional.empty();
        }
        try {
            Stored stored = json.readValue(content, Stored.class);
            if (stored.formatVersion() != FORMAT_VERSION) {
                throw new IOException(file.path() + " has format version " + stored.formatVersion());
            }
            return Optional.of(Map.copyOf(stored.members()));
        } catch (JacksonException e) {
            throw new IOException(file.path() + " is not a valid membership file: " + e.getOriginalMessage(), e);
        }
    }

    /** Replaces the file's content with {@code members}, atomically. */
    public void write(Map<String, Set<String>> members) throws IOException {
        file.write(json.writeValueAsBytes(new Stored(FORMAT_VERSION, members)));
    }
}
