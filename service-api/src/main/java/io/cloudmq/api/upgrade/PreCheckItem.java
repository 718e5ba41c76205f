package io.cloudmq.api.upgrade;

/**
 * One condition of an upgrade pre-check.
 *
 * @param name stable identifier, e.g. {@code writable-broker-groups}
 * @param passed whether the condition holds
 * @param detail what was found, in words an operator can act on
 */
public record PreCheckItem(String name, boolean passed, String detail) {}
