package io.cloudmq.controlplane.shared.web;

import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import io.cloudmq.api.common.PageView;

/**
 * Cursor pagination: a page token is the base64url-encoded sort key of the last item returned; the next page
 * starts strictly after it. Immutable.
 *
 * @param after sort key to continue after, {@code null} for the first page
 * @param size items per page, 1–{@value #MAX_SIZE}
 */
public record PageCursor(@Nullable String after, int size) {
    /** Largest page size. */
    public static final int MAX_SIZE = 100;
    /** Page size when the request names none. */
    public static final int DEFAULT_SIZE = 20;

    /** Parses the {@code pageToken} and {@code pageSize} query parameters; refuses invalid ones with 400. */
    public static PageCursor parse(@Nullable String pageToken, @Nullable Integer pageSize) {
        int size = pageSize == null ? DEFAULT_SIZE : pageSize;
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("pageSize", "must be between 1 and " + MAX_SIZE);
        }
        if (pageToken == null || pageToken.isEmpty()) {
            return new PageCursor(null, size);
        }
        try {
            return new PageCursor(new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8), size);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("pageToken", "is not a token this API issued");
        }
    }

    /** How many rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    /**
     * Turns up to {@link #fetchSize()} fetched rows into a page.
     *
     * @param sortKey the sort key of a row, encoded into the next token
     */
    public <E, V> PageView<V> page(List<E> fetched, Function<E, String> sortKey, Function<E, V> view) {
        List<E> items = fetched.size() > size ? fetched.subList(0, size) : fetched;
        String next = fetched.size() > size
                ? Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(sortKey.apply(items.get(size - 1)).getBytes(StandardCharsets.UTF_8))
                : null;
        return new PageView<>(items.stream().map(view).toList(), next);
    }
}
