package io.cloudmq.api.upgrade;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The optional {@code observedProducerGroups} list of window requests and views. Stateless. */
final class ObservedProducerGroups {
    /** Most producer groups one window observes. */
    static final int MAX = 100;

    private ObservedProducerGroups() {}

    /** An immutable copy, empty for an absent list. */
    static List<ObservedProducerGroup> copy(@Nullable List<ObservedProducerGroup> groups) {
        return groups == null ? List.of() : List.copyOf(groups);
    }
}
