package io.starlingmq.auth.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields of a device to create or replace; {@code clientId} comes from the path on update. */
public record DeviceInput(
        @Schema(description = "Required on create") String clientId,
        @Schema(description = "If set, CONNECT must carry this username") String username,
        @Schema(description = "Required on create; on update, omit to keep the current one") String password,
        Boolean superuser,
        Boolean enabled) {
}
