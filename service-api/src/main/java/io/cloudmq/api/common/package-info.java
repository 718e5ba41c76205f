/** Contracts shared by every resource: pages and resource-name rules. */
@NullMarked
package io.cloudmq.api.common;

import org.jspecify.annotations.NullMarked;
