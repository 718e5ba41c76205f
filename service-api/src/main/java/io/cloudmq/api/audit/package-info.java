/** View records of {@code /api/v1/audit-events}. */
@NullMarked
package io.cloudmq.api.audit;

import org.jspecify.annotations.NullMarked;
