package io.cloudmq.controlplane.upgrade;

import java.time.Instant;
import java.util.UUID;

/** The window that currently locks a cluster, read fresh from the database (never from the persistence context). */
record LockingWindow(UUID id, Instant endsAt) {}
