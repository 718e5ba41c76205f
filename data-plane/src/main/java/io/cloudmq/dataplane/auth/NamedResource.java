package io.cloudmq.dataplane.auth;

/** One name a request carries, as a wire name (namespace applied). */
record NamedResource(ResourceKind kind, String name) {}
