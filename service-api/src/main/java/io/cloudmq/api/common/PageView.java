package io.cloudmq.api.common;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paginated list.
 *
 * @param items the items of this page, in the list's stable order
 * @param nextPageToken opaque cursor for the next page ({@code pageToken} query parameter), {@code null} on the
 *     last page
 * @param <T> item type
 */
public record PageView<T>(List<T> items, @Nullable String nextPageToken) {
    public PageView {
        items = List.copyOf(items);
    }
}
