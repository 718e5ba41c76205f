/** The one problem+json mapping of every error, pagination cursors, ETags and request-size limits. */
@NullMarked
package io.cloudmq.controlplane.shared.web;

import org.jspecify.annotations.NullMarked;
