package io.cloudmq.dataplane.auth;

/**
 * Where a request carries the name of one kind of resource.
 *
 * @param location an ext field of the header, or a path into the JSON body
 * @param path the ext-field key, or a body path: dot-separated field names, where a name followed by
 *     {@code []} stands for every element of that array ({@code consumerDataSet[].groupName})
 */
public record ResourceField(ResourceKind kind, Location location, String path) {
    public enum Location {
        HEADER,
        BODY
    }

    public static ResourceField header(ResourceKind kind, String key) {
        return new ResourceField(kind, Location.HEADER, key);
    }

    public static ResourceField body(ResourceKind kind, String path) {
        return new ResourceField(kind, Location.BODY, path);
    }
}
