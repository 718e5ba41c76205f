/** The broker's side of name-server registration: register with every name server, keep it fresh. */
@NullMarked
package io.cloudmq.dataplane.broker.registration;

import org.jspecify.annotations.NullMarked;
