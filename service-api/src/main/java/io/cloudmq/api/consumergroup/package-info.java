/** Request and view records of {@code /api/v1/instances/{id}/consumer-groups}. */
@NullMarked
package io.cloudmq.api.consumergroup;

import org.jspecify.annotations.NullMarked;
