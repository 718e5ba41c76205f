/** Transactional messages (spec §5): half messages, their resolution by END_TRANSACTION and the op log. */
@NullMarked
package io.cloudmq.dataplane.broker.transaction;

import org.jspecify.annotations.NullMarked;
