package io.cloudmq.dataplane.config;

import io.cloudmq.api.node.DesiredState;
import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desired state a node serves, persisted in {@code <data.dir>/desired-state.json} so the node keeps
 * serving it while the control plane is away, and handed to {@link DesiredStateListener}s.
 *
 * <p>File format (UTF-8 JSON, one object):
 * <table>
 *   <caption>desired-state.json</caption>
 *   <tr><th>field</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>formatVersion</td><td>int</td><td>{@value #FORMAT_VERSION} (version 1 had no credentials); a node refuses a file of another version</td></tr>
 *   <tr><td>state</td><td>object</td><td>{@link DesiredState} as received ({@code generation}, {@code topics}, {@code groups},
 *       {@code credentials}, {@code operator}); SecretKeys only sealed ({@link io.cloudmq.api.node.SealedSecret}),
 *       never in clear</td></tr>
 * </table>
 *
 * <p>Crash safety: written through {@link StateFile}, so after a crash the file holds either the old or the
 * new state, never a mix. A leftover temporary file is ignored.
 *
 * <p>Generation rule: a state whose generation is not greater than the stored one changes nothing and the
 * stored generation is answered; before anything is stored the node serves the empty generation 0.
 *
 * <p>Thread-safe: every method is {@code synchronized}; listeners run under that lock.
 */
public final class DesiredStateStore {
    private static final Logger log = LoggerFactory.getLogger(DesiredStateStore.class);

    static final int FORMAT_VERSION = 2;
    static final String FILE_NAME = "desired-state.json";
    static final String TEMP_FILE_NAME = FILE_NAME + ".tmp";

    /** On-disk envelope; see the class Javadoc. */
    record StoredState(int formatVersion, DesiredState state) {}

    private final StateFile file;
    private final JsonMapper json;
    private final List<DesiredStateListener> listeners = new ArrayList<>();
    private DesiredState current;

    private DesiredStateStore(StateFile file, JsonMapper json, DesiredState current) {
        this.file = file;
        this.json = json;
        this.current = current;
    }

    /**
     * Opens the store in {@code dir}, reloading what was persisted there.
     *
     * @throws IOException if the file exists but cannot be read or is not a valid state of this format
     */
    public static DesiredStateStore open(Path dir, JsonMapper json) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        DesiredState state;
        try {
            StoredState stored = json.readValue(Files.readAllBytes(file), StoredState.class);
            if (stored.formatVersion() != FORMAT_VERSION) {
                throw new IOException(file + " has format version " + stored.formatVersion()
                        + ", this node reads version " + FORMAT_VERSION);
            }
            state = stored.state();
            log.info("Reloaded desired state generation {} from {}", state.generation(), file);
        } catch (NoSuchFileException e) {
            state = new DesiredState(0, List.of(), List.of());
        } catch (JacksonException e) {
            throw new IOException(file + " is not a valid desired state: " + e.getOriginalMessage(), e);
        }
        return new DesiredStateStore(new StateFile(file), json, state);
    }

    public synchronized DesiredState current() {
        return current;
    }

    /** Subscribes {@code listener} and calls it at once with the current state. */
    public synchronized void subscribe(DesiredStateListener listener) {
        listeners.add(listener);
        listener.onDesiredState(current);
    }

    /** Stops telling {@code listener} about changes. */
    public synchronized void unsubscribe(DesiredStateListener listener) {
        listeners.remove(listener);
    }

    /**
     * Persists {@code state} if its generation is newer than the stored one and tells the listeners.
     *
     * @return the generation the node serves afterwards
     * @throws IOException if the state could not be made durable; the previous state stays in force
     */
    public synchronized long apply(DesiredState state) throws IOException {
        if (state.generation() <= current.generation()) {
            log.debug("Ignored desired state generation {}, serving {}", state.generation(), current.generation());
            return current.generation();
        }
        file.write(json.writeValueAsBytes(new StoredState(FORMAT_VERSION, state)));
        current = state;
        log.info("Applied desired state generation {} ({} topics, {} groups)",
                state.generation(), state.topics().size(), state.groups().size());
        listeners.forEach(listener -> listener.onDesiredState(state));
        return state.generation();
    }
}
