/** Request and view records of {@code /api/v1/instances/{id}/topics}. */
@NullMarked
package io.cloudmq.api.topic;

import org.jspecify.annotations.NullMarked;
