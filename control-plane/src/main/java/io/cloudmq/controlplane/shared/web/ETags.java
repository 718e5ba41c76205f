package io.cloudmq.controlplane.shared.web;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.controlplane.shared.error.DomainException;
import org.jspecify.annotations.Nullable;

/** {@code ETag}/{@code If-Match} values: the strong tag {@code "<version>"} of an entity's {@code @Version}. */
public final class ETags {
    private ETags() {}

    /** The ETag of a version. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header requires; {@code null} when the header is absent or {@code *}.
     *
     * @throws DomainException {@code precondition-failed} for a tag this API never issued
     */
    public static @Nullable Long expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.valueOf(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
        }
        throw new DomainException(
                ErrorCode.PRECONDITION_FAILED, "If-Match " + ifMatch + " names no version of this resource");
    }
}
