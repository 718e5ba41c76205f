/** View records of {@code /api/v1/clusters}. */
@NullMarked
package io.cloudmq.api.cluster;

import org.jspecify.annotations.NullMarked;
