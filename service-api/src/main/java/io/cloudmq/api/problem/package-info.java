/** RFC 9457 problem types and machine-readable error codes of the REST API. */
@NullMarked
package io.cloudmq.api.problem;

import org.jspecify.annotations.NullMarked;
