/** Request and view records of {@code /api/v1/instances}. */
@NullMarked
package io.cloudmq.api.instance;

import org.jspecify.annotations.NullMarked;
