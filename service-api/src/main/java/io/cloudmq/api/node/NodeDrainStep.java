package io.cloudmq.api.node;

/**
 * One step of a node's fence or drain, in the answer of the admin actions.
 *
 * @param step the step, e.g. {@code fence}, {@code close-sends}, {@code freeze}, {@code flush},
 *     {@code replica}, {@code quiesce-consumers}, {@code leave}
 * @param millis how long it took
 * @param met whether its condition was met before its deadline
 * @param detail what was still outstanding when it was not met, empty otherwise
 */
public record NodeDrainStep(String step, long millis, boolean met, String detail) {}
