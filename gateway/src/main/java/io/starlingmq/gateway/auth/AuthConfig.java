package io.starlingmq.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How CONNECTs are authenticated and denied operations answered, under {@code starling.gateway.auth.*}. */
@ConfigMapping(prefix = "starling.gateway.auth")
public interface AuthConfig {

    /** {@code anonymous}: every CONNECT is allowed and no rule applies; {@code service}: ask the auth service. */
    @WithDefault("anonymous")
    Mode mode();

    /** Base URL of the auth service, e.g. {@code http://auth-service:8091}; required in service mode. */
    Optional<URI> url();

    /** Longest wait for the auth service's answer, connecting included; past it the CONNECT is refused. */
    @WithDefault("2s")
    Duration timeout();

    /** Auth-service calls in flight at once; a CONNECT beyond it is refused as server busy. */
    @WithDefault("256")
    int maxConcurrent();

    /** What a 3.1.1 client's denied PUBLISH gets (5.0 clients get reason code 0x87 instead). */
    @WithDefault("drop")
    PublishDenied publishDenied();

    /**
     * The MQTT 5 Authentication Method under which a CONNECT (and a later AUTH re-authentication)
     * carries a JWT as Authentication Data. Any other method is refused with 0x8C.
     */
    @WithDefault("JWT")
    String authenticationMethod();

    /**
     * On a listener that verified a client certificate, which of its names is the username given to
     * the auth service: {@code none} (the CONNECT's), {@code cn}, {@code san-dns} or {@code san-email}.
     */
    @WithDefault("none")
    CertificateIdentity certificateIdentity();

    enum Mode {
        ANONYMOUS,
        SERVICE
    }

    enum PublishDenied {
        /** Acknowledged as usual (so the client does not resend it) and never forwarded. */
        DROP,
        /** The connection is closed. */
        DISCONNECT
    }
}
