package io.cloudmq.dataplane.remoting.netty;

import java.util.concurrent.Executor;

/**
 * A processor with the executor its requests run on and what happens when that executor is full.
 *
 * @param executor a bounded executor that throws {@code RejectedExecutionException} when full, see
 *     {@link RequestExecutors#bounded}
 */
public record ProcessorRegistration(RequestProcessor processor, Executor executor, OverloadPolicy overloadPolicy) {}
