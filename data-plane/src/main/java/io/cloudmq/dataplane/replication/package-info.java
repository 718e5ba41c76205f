/**
 * Master–slave replication of the commit log: the master's streaming server ({@link
 * io.cloudmq.dataplane.replication.ReplicationMaster}), the slave's client ({@link
 * io.cloudmq.dataplane.replication.ReplicationSlave}), the versioned wire protocol ({@link
 * io.cloudmq.dataplane.replication.FrameCodec}) and the SYNC_MASTER ack waiter ({@link
 * io.cloudmq.dataplane.replication.ReplicaAckWaiter}). Uses the store only through {@link
 * io.cloudmq.dataplane.store.ReplicatedLog}; plain blocking sockets, no Netty.
 */
@NullMarked
package io.cloudmq.dataplane.replication;

import org.jspecify.annotations.NullMarked;
