/**
 * Netty transport of the remoting protocol: {@link io.cloudmq.dataplane.remoting.netty.RemotingServer},
 * {@link io.cloudmq.dataplane.remoting.netty.RemotingClient}, dispatch of requests to
 * {@link io.cloudmq.dataplane.remoting.netty.RequestProcessor}s on bounded executors, request/response
 * matching by opaque, per-connection backpressure and connection guarding.
 */
@NullMarked
package io.cloudmq.dataplane.remoting.netty;

import org.jspecify.annotations.NullMarked;
