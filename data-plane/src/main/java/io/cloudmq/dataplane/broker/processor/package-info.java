/** One request processor per request family (spec §8.1): send, pull with long polling, offsets, clients, admin. */
@NullMarked
package io.cloudmq.dataplane.broker.processor;

import org.jspecify.annotations.NullMarked;
