/** Delay levels: messages parked in {@code SCHEDULE_TOPIC_XXXX} and delivered to their real topic when due. */
@NullMarked
package io.cloudmq.dataplane.store.schedule;

import org.jspecify.annotations.NullMarked;
