/**
 * The RocketMQ remoting command model: {@link io.cloudmq.dataplane.remoting.protocol.RemotingCommand},
 * request/response codes with RocketMQ's names and numbers, and header-field access.
 */
@NullMarked
package io.cloudmq.dataplane.remoting.protocol;

import org.jspecify.annotations.NullMarked;
