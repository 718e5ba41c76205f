/** What a broker serves: its topics and consumer groups, as the desired state and admin codes set them. */
@NullMarked
package io.cloudmq.dataplane.broker.metadata;

import org.jspecify.annotations.NullMarked;
