package io.starlingmq.auth.password;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.starlingmq.auth.chain.AuthDecision;
import io.starlingmq.auth.chain.Authenticator;
import io.starlingmq.auth.chain.Credentials;
import io.starlingmq.auth.registry.DeviceEntity;
import io.starlingmq.auth.registry.DeviceRepository;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;

/**
 * Checks the CONNECT password against the registry. An unknown device is ignored (another
 * authenticator may know it) but still costs one hash, so timing does not reveal which ids exist.
 */
@ApplicationScoped
public class PasswordAuthenticator implements Authenticator {

    private final DeviceRepository devices;
    private final PasswordHasher hasher;
    private final Vertx vertx;

    public PasswordAuthenticator(DeviceRepository devices, PasswordHasher hasher, Vertx vertx) {
        this.devices = devices;
        this.hasher = hasher;
        this.vertx = vertx;
    }

    @Override
    public String name() {
        return "password";
    }

    @Override
    @WithSession
    public Uni<AuthDecision> authenticate(Credentials credentials) {
        if (!credentials.hasPassword()) {
            return Uni.createFrom().item(AuthDecision.ignore("no password"));
        }
        return devices.findById(credentials.clientId())
                .flatMap(device -> vertx.executeBlocking(Uni.createFrom().item(() -> judge(device, credentials))));
    }

    private AuthDecision judge(DeviceEntity device, Credentials credentials) {
        if (device == null) {
            hasher.verifyDecoy(credentials.password());
            return AuthDecision.ignore("unknown device");
        }
        boolean passwordMatches = hasher.verify(credentials.password(), device.passwordHash);
        if (!passwordMatches) {
            return AuthDecision.deny("bad password");
        }
        if (!device.enabled) {
            return AuthDecision.deny("device disabled");
        }
        if (device.username != null && !Objects.equals(device.username, credentials.username())) {
            return AuthDecision.deny("username does not match the registered device");
        }
        return AuthDecision.allow("password", device.superuser, null, List.of());
    }
}
