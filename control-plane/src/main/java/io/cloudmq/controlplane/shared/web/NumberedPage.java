package io.cloudmq.controlplane.shared.web;

import io.cloudmq.api.common.PageView;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import java.util.List;

/**
 * Numbered pagination over items that are read from the start each time, to at most {@value #MAX_DEPTH} items
 * (what the brokers answer at most): page {@code page} (from 0) holds items {@code page·size} to
 * {@code (page+1)·size − 1}; a page's {@code nextPageToken} is the next page number. Immutable.
 *
 * @param page page number, from 0
 * @param size items per page, 1–{@value #MAX_SIZE}
 */
public record NumberedPage(int page, int size) {
    /** Largest page size. */
    public static final int MAX_SIZE = 100;
    /** Deepest item a page may reach. */
    public static final int MAX_DEPTH = 1000;

    /** Checks the {@code page} and {@code size} query parameters; refuses invalid ones with 400. */
    public static NumberedPage of(int page, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        if (page < 0 || (long) (page + 1) * size > MAX_DEPTH) {
            throw new InvalidFieldException("page", "must be between 0 and " + (MAX_DEPTH / size - 1));
        }
        return new NumberedPage(page, size);
    }

    /** How many items to read from the start: the page's end plus one, to know whether a next page exists. */
    public int readCount() {
        return Math.min(end() + 1, MAX_DEPTH);
    }

    /** This page of {@code items} (read from the start, at most {@link #readCount()}). */
    public <T> PageView<T> slice(List<T> items) {
        List<T> page = items.subList(Math.min(this.page * size, items.size()), Math.min(end(), items.size()));
        return new PageView<>(page, items.size() > end() ? Integer.toString(this.page + 1) : null);
    }

    private int end() {
        return (page + 1) * size;
    }
}
