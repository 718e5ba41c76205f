/**
 * Read APIs over the nodes' data (issue 4, 9): topic statistics, connected consumers, consumer lag and message
 * queries read from the brokers' admin read endpoints, and a short in-memory history of topic rates and group
 * lag scraped from the brokers' metrics. Nothing here is persisted.
 */
@NullMarked
package io.cloudmq.controlplane.insight;

import org.jspecify.annotations.NullMarked;
