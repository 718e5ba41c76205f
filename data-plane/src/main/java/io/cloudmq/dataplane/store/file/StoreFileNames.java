package io.cloudmq.dataplane.store.file;

import java.util.regex.Pattern;

/**
 * Names of store files: the 20-digit, zero-padded start offset of the file ({@code 00000000000001048576}).
 *
 * <p>Threading: stateless.
 */
public final class StoreFileNames {
    private static final Pattern NAME = Pattern.compile("\\d{20}");

    private StoreFileNames() {}

    /** The file name for a file starting at {@code startOffset}. */
    public static String of(long startOffset) {
        return String.format("%020d", startOffset);
    }

    /** Whether {@code name} is a store file name. */
    public static boolean isStoreFileName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The start offset encoded in a store file name. */
    public static long startOffsetOf(String name) {
        if (!isStoreFileName(name)) {
            throw new IllegalArgumentException("not a store file name: " + name);
        }
        return Long.parseLong(name);
    }
}
