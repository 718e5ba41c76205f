package io.cloudmq.dataplane.broker.processor;

/**
 * The hook every send passes before it is stored (issue 5, quotas on the send path): told the instance of
 * the send's topic ({@link InstanceLabel}) and how many messages it carries. An implementation may count
 * ({@link CountingSendQuota}) or throttle; a refused send is answered {@code FLOW_CONTROL} without being
 * stored. Implementations are thread-safe: sends arrive on many threads.
 */
@FunctionalInterface
public interface SendQuota {

    /** Whether a send of {@code messages} messages for {@code instance} may be stored now. */
    boolean admit(String instance, int messages);
}
