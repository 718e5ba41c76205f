package io.cloudmq.dataplane.remoting.netty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Request code to {@link ProcessorRegistration}. Codes without a registration are answered with
 * {@code REQUEST_CODE_NOT_SUPPORTED}. Thread-safe; registrations normally happen before the server
 * starts, and one made later applies to the requests that arrive after it.
 */
public final class ProcessorRegistry {
    private final Map<Integer, ProcessorRegistration> registrations = new ConcurrentHashMap<>();

    /** Registers {@code processor} for {@code requestCode}, replacing an earlier registration. */
    public ProcessorRegistry register(
            int requestCode, RequestProcessor processor, Executor executor, OverloadPolicy overloadPolicy) {
        registrations.put(requestCode, new ProcessorRegistration(processor, executor, overloadPolicy));
        return this;
    }

    /** Registers with {@link OverloadPolicy#REJECT_BUSY}. */
    public ProcessorRegistry register(int requestCode, RequestProcessor processor, Executor executor) {
        return register(requestCode, processor, executor, OverloadPolicy.REJECT_BUSY);
    }

    public @Nullable ProcessorRegistration lookup(int requestCode) {
        return registrations.get(requestCode);
    }
}
