/**
 * AccessKey/SecretKey credentials of instances and the cluster's operator credential; SecretKeys are kept only
 * encrypted under the master key and leave this package in plaintext only towards the nodes.
 */
@NullMarked
package io.cloudmq.controlplane.credential;

import org.jspecify.annotations.NullMarked;
