/** Configuration shared by several features. */
@NullMarked
package io.cloudmq.controlplane.shared.config;

import org.jspecify.annotations.NullMarked;
