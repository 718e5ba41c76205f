package io.cloudmq.dataplane.auth;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks the body paths of {@link ResourceField} ({@code consumerDataSet[].groupName}: dot-separated field
 * names, {@code []} after a name for every element of that array, the last name a plain field) through a
 * parsed JSON body. Stateless and thread-safe; the nodes it returns belong to the caller's tree.
 */
final class BodyPaths {
    private static final String ARRAY_SUFFIX = "[]";

    private BodyPaths() {}

    /**
     * A field a path ends at that holds a string or a number.
     *
     * @param owner the object holding the field
     * @param field the field's name
     */
    record Leaf(ObjectNode owner, String field) {
        String value() {
            return owner.get(field).asString();
        }

        void replace(String value) {
            owner.put(field, value);
        }
    }

    /** Every leaf {@code path} reaches from {@code root}; paths through missing or mistyped nodes reach none. */
    static List<Leaf> leaves(JsonNode root, String path) {
        List<Leaf> leaves = new ArrayList<>();
        collect(root, path.split("\\."), 0, leaves);
        return leaves;
    }

    private static void collect(JsonNode node, String[] segments, int index, List<Leaf> leaves) {
        String segment = segments[index];
        boolean each = segment.endsWith(ARRAY_SUFFIX);
        String name = each ? segment.substring(0, segment.length() - ARRAY_SUFFIX.length()) : segment;
        if (index == segments.length - 1) {
            JsonNode value = node.path(name);
            if (node instanceof ObjectNode owner && !each && (value.isString() || value.isNumber())) {
                leaves.add(new Leaf(owner, name));
            }
            return;
        }
        JsonNode child = node.path(name);
        if (!each) {
            collect(child, segments, index + 1, leaves);
        } else if (child.isArray()) {
            child.forEach(element -> collect(element, segments, index + 1, leaves));
        }
    }
}
