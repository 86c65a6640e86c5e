package io.starlingmq.auth.admin;

import io.starlingmq.auth.registry.DeviceEntity;
import java.time.Instant;

/** A device as the admin API shows it: never its password hash. */
public record DeviceView(String clientId, String username, boolean superuser, boolean enabled,
        Instant createdAt, Instant updatedAt) {

    static DeviceView of(DeviceEntity device) {
        return new DeviceView(device.clientId, device.username, device.superuser, device.enabled,
                device.createdAt, device.updatedAt);
    }
}
