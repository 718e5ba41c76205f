/** Request and view records of {@code /api/v1/api-keys}. */
@NullMarked
package io.cloudmq.api.security;

import org.jspecify.annotations.NullMarked;
