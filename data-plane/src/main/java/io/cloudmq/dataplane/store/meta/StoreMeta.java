package io.cloudmq.dataplane.store.meta;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Identity and format version of a store directory, kept in {@code store.meta}, a UTF-8 text file of
 * {@code key=value} lines written atomically by {@link StateFile}:
 *
 * <pre>
 * | key           | example  | meaning                                                  |
 * |---------------|----------|----------------------------------------------------------|
 * | formatVersion | 1.0      | major.minor; a store refuses a directory of another major |
 * | cluster       | c1       | cluster the data belongs to                              |
 * | brokerName    | broker-a | broker group the data belongs to                         |
 * </pre>
 *
 * A minor version change stays readable by older code of the same major version.
 *
 * @param majorVersion incompatible format changes
 * @param minorVersion compatible format additions
 * @param cluster cluster name
 * @param brokerName broker group name
 */
public record StoreMeta(int majorVersion, int minorVersion, String cluster, String brokerName) {
    /** The file name inside the store root. */
    public static final String FILE_NAME = "store.meta";
    /** The major format version this code reads and writes. */
    public static final int CURRENT_MAJOR = 1;
    /** The minor format version this code writes. */
    public static final int CURRENT_MINOR = 0;

    /** Meta of a new store of the current format. */
    public static StoreMeta current(String cluster, String brokerName) {
        return new StoreMeta(CURRENT_MAJOR, CURRENT_MINOR, cluster, brokerName);
    }

    /**
     * Reads {@code store.meta} of {@code root}, or writes it for a new store, and checks that this code
     * may open the directory.
     *
     * @throws IncompatibleStoreException for an unknown major version or another broker's directory
     */
    public static StoreMeta openOrCreate(Path root, String cluster, String brokerName) throws IOException {
        StateFile file = new StateFile(root.resolve(FILE_NAME));
        Optional<byte[]> content = file.read();
        if (content.isEmpty()) {
            StoreMeta created = current(cluster, brokerName);
            file.write(created.encode());
            return created;
        }
        StoreMeta existing = decode(content.get());
        if (existing.majorVersion() != CURRENT_MAJOR) {
            throw new IncompatibleStoreException("store " + root + " has format " + existing.majorVersion() + "."
                    + existing.minorVersion() + ", this node reads major version " + CURRENT_MAJOR);
        }
        if (!existing.cluster().equals(cluster) || !existing.brokerName().equals(brokerName)) {
            throw new IncompatibleStoreException("store " + root + " belongs to " + existing.cluster() + "/"
                    + existing.brokerName() + ", not " + cluster + "/" + brokerName);
        }
        return existing;
    }

    byte[] encode() {
        String text = "formatVersion=" + majorVersion + "." + minorVersion + "\n"
                + "cluster=" + cluster + "\n"
                + "brokerName=" + brokerName + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static StoreMeta decode(byte[] content) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(new String(content, StandardCharsets.UTF_8)));
        String version = required(properties, "formatVersion");
        String[] parts = version.split("\\.", 2);
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return new StoreMeta(major, minor, required(properties, "cluster"), required(properties, "brokerName"));
        } catch (NumberFormatException e) {
            throw new IncompatibleStoreException("unreadable formatVersion " + version);
        }
    }

    private static String required(Properties properties, String key) throws IncompatibleStoreException {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IncompatibleStoreException(FILE_NAME + " lacks " + key);
        }
        return value;
    }
}
