/** Typed custom headers of the remoting commands, read from and written to {@code extFields}. */
@NullMarked
package io.cloudmq.dataplane.remoting.protocol.header;

import org.jspecify.annotations.NullMarked;
