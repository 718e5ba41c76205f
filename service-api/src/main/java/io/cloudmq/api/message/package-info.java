/** View records of {@code /api/v1/instances/{id}/messages}. */
@NullMarked
package io.cloudmq.api.message;

import org.jspecify.annotations.NullMarked;
