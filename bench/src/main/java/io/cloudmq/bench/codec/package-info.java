/**
 * Single-thread CPU benchmark of the broker's per-request work on the send path (frame decoding, signature and
 * access check, namespace translation, send-header reading, response encoding) over frames the official
 * rocketmq-client 5.5.0 builds. Not shipped.
 */
@NullMarked
package io.cloudmq.bench.codec;

import org.jspecify.annotations.NullMarked;
