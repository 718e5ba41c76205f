package io.cloudmq.dataplane.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link BrokerCluster} of this test JVM: started by the first test class that needs it,
 * stopped when the JVM's tests are done (a resource of the root extension context). Tests that kill or
 * restart nodes start their own cluster instead.
 */
final class SharedCluster implements BeforeAllCallback, ParameterResolver {

    private record Holder(BrokerCluster cluster, Path dir) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                cluster.close();
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BrokerCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static BrokerCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedCluster.class, ignored -> {
                    try {
                        Path dir = Files.createTempDirectory("cloudmq-shared-cluster");
                        return new Holder(BrokerCluster.start(dir), dir);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot start the shared cluster", e);
                    }
                }, Holder.class).cluster();
    }
}
