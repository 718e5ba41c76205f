/** Domain exceptions services throw; the web layer maps each to one problem type. */
@NullMarked
package io.cloudmq.controlplane.shared.error;

import org.jspecify.annotations.NullMarked;
