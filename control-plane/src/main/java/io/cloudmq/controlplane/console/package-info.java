/** Serves the web console built by the {@code console-ui} module (packaged under {@code static/}) at {@code /}. */
@NullMarked
package io.cloudmq.controlplane.console;

import org.jspecify.annotations.NullMarked;
