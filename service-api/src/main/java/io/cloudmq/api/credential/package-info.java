/** Request and view records of {@code /api/v1/instances/{id}/credentials} and the cluster's operator credential. */
@NullMarked
package io.cloudmq.api.credential;

import org.jspecify.annotations.NullMarked;
