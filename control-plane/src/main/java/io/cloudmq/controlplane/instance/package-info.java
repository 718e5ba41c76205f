/** Instances: tenant namespaces with quotas on a cluster. */
@NullMarked
package io.cloudmq.controlplane.instance;

import org.jspecify.annotations.NullMarked;
