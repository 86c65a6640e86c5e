package io.starlingmq.auth.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A device of the password registry, identified by its MQTT client id. */
@Entity
@Table(name = "devices")
public class DeviceEntity {

    @Id
    @Column(name = "client_id", length = 256)
    public String clientId;

    /** When set, the CONNECT username must equal it. */
    @Column(length = 256)
    public String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    public String passwordHash;

    @Column(nullable = false)
    public boolean superuser;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
