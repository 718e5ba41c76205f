/** Serves the built web console (the {@code console-ui} module's files, packaged under {@code static/}) at {@code /}. */
@NullMarked
package io.cloudmq.controlplane.console;

import org.jspecify.annotations.NullMarked;
