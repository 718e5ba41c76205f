package io.cloudmq.dataplane.remoting.protocol;

/** Permission bits of topics and queue data, as RocketMQ's {@code PermName} (spec §2.1). */
public final class Perm {
    public static final int PRIORITY = 8;
    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int INHERIT = 1;

    private Perm() {}
}
