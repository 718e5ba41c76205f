/**
 * Upgrade-window benchmark (issue 8): the packaged standalone control plane as a child process, official
 * rocketmq-client 5.5.0 producers and push consumers at a fixed offered rate, one upgrade window, and its
 * impact on sends and deliveries. Not shipped.
 */
@NullMarked
package io.cloudmq.bench.upgrade;

import org.jspecify.annotations.NullMarked;
