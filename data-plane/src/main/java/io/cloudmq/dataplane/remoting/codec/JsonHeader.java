package io.cloudmq.dataplane.remoting.codec;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON header object (spec §1.3) as Jackson binds it. {@code language} stays a string so that unknown
 * names do not fail; {@code extFields} values may be null on input and are dropped by the codec.
 */
record JsonHeader(
        int code,
        @Nullable String language,
        int version,
        int opaque,
        int flag,
        @Nullable String remark,
        @Nullable Map<String, @Nullable String> extFields) {}
