package io.cloudmq.dataplane.auth;

/**
 * The role of a tenant credential: which {@link Action}s it may perform inside its namespace. No tenant
 * role permits {@link Action#ADMIN}.
 */
public enum Role {
    PUB("pub"),
    SUB("sub"),
    PUB_SUB("pub+sub");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The role by its name in the control plane and the desired state: {@code pub}, {@code sub}, {@code pub+sub}. */
    public static Role fromName(String name) {
        for (Role role : values()) {
            if (role.wireName.equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "', expected pub, sub or pub+sub");
    }

    public boolean permits(Action action) {
        return switch (action) {
            case ANY -> true;
            case PUB -> this != SUB;
            case SUB -> this != PUB;
            case ADMIN -> false;
        };
    }

    @Override
    public String toString() {
        return wireName;
    }
}
