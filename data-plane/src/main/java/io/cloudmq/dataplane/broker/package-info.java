/**
 * The broker role: {@link io.cloudmq.dataplane.broker.Broker} assembles the store, the topic and group
 * tables, the consumer offsets, the client registry and the processors on a remoting server, and keeps
 * the broker registered with the name servers.
 */
@NullMarked
package io.cloudmq.dataplane.broker;

import org.jspecify.annotations.NullMarked;
