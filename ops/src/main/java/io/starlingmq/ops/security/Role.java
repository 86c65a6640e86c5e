package io.starlingmq.ops.security;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do: {@code admin} everything, {@code viewer} reads only. */
public enum Role {
    ADMIN,
    VIEWER;

    /** The role's name in {@code @RolesAllowed}, in key files and in Keycloak. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String name) {
        for (Role role : values()) {
            if (role.roleName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public static final String ADMIN_NAME = "admin";
    public static final String VIEWER_NAME = "viewer";
}
