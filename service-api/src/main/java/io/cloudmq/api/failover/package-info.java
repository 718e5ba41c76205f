/** View records of {@code /api/v1/clusters/{id}/broker-groups/{name}/switchover} and its jobs. */
@NullMarked
package io.cloudmq.api.failover;

import org.jspecify.annotations.NullMarked;
