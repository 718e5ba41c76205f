/** Hand-run benchmarks of the data plane; not shipped. */
@NullMarked
package io.cloudmq.bench;

import org.jspecify.annotations.NullMarked;
