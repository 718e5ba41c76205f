/** Request and view records of {@code /api/v1/clusters/{id}/upgrade-windows}. */
@NullMarked
package io.cloudmq.api.upgrade;

import org.jspecify.annotations.NullMarked;
