package io.cloudmq.dataplane.store.meta;

/**
 * One line of the epoch history: from {@code startOffset} on, the commit log was written under
 * {@code epoch}.
 *
 * @param epoch leadership term, strictly increasing along the history
 * @param startOffset first commit-log offset of the term, non-decreasing along the history
 */
public record EpochEntry(long epoch, long startOffset) {}
