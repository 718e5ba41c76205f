/**
 * Client-level benchmark: the official rocketmq-client 5.5.0 against CloudMQ's broker and Apache RocketMQ 5.5.0,
 * both started as separate processes, one after the other in one run. Not shipped.
 */
@NullMarked
package io.cloudmq.bench.client;

import org.jspecify.annotations.NullMarked;
