/** Bearer API keys of the management API, their roles and the bootstrap admin key. */
@NullMarked
package io.cloudmq.controlplane.security;

import org.jspecify.annotations.NullMarked;
