/**
 * Read views of the node admin API ({@code GET /admin/v1/topics/…}, {@code /groups/…}, {@code /messages…}) that
 * a broker answers from its store, offsets and connected clients; names in them are wire names
 * ({@code <namespace>%<name>}).
 */
@NullMarked
package io.cloudmq.api.node.read;

import org.jspecify.annotations.NullMarked;
