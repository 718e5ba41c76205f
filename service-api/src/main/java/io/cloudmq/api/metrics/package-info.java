/** View records of the metrics history ({@code …/topics/{topic}/metrics}, {@code …/consumer-groups/{group}/metrics}). */
@NullMarked
package io.cloudmq.api.metrics;

import org.jspecify.annotations.NullMarked;
