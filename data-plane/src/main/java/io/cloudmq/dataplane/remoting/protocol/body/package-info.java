/** JSON bodies of the remoting commands, with RocketMQ's field names, written with Jackson. */
@NullMarked
package io.cloudmq.dataplane.remoting.protocol.body;

import org.jspecify.annotations.NullMarked;
