/** Topics of an instance: name rules, immutable message type, placement and quota. */
@NullMarked
package io.cloudmq.controlplane.topic;

import org.jspecify.annotations.NullMarked;
