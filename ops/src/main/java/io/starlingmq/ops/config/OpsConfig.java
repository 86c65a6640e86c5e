package io.starlingmq.ops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Ops's settings ({@code starling.ops.*}, env {@code STARLING_OPS_*}). */
@ConfigMapping(prefix = "starling.ops")
public interface OpsConfig {

    /** The routers, {@code host:port} of their gRPC (HTTP) port; ops asks them, never the store, to change sessions. */
    @WithDefault("127.0.0.1:9090")
    List<String> routers();

    /** How long a router has to answer one admin call. */
    @WithDefault("2s")
    Duration routerTimeout();

    /** API keys for scripts. */
    ApiKeys apiKeys();

    /** Bearer tokens from an OpenID Connect provider (Keycloak); without an issuer, API keys only. */
    Oidc oidc();

    interface Oidc {

        /**
         * The issuer's URL (Keycloak: {@code https://host/realms/starling}); its discovery document is read at the
         * first bearer token, so ops starts without reaching it. Absent: bearer tokens are not accepted.
         */
        Optional<String> authServerUrl();

        /**
         * The client whose roles ({@code admin}, {@code viewer}) a token carries in {@code resource_access.<client>.roles};
         * tokens must name it in their audience.
         */
        @WithDefault("ops")
        String clientId();
    }

    /** The auth service whose admin API (devices, access rules) ops passes the dashboard's calls on to. */
    AuthService authService();

    interface AuthService {

        /**
         * Its base URL ({@code http://auth-service:8080}); absent: ops offers no devices and rules. Ops passes the
         * caller's bearer token on, so the auth service decides by its own roles.
         */
        Optional<String> url();

        /** How long the auth service has to answer one call. */
        @WithDefault("5s")
        Duration timeout();
    }

    /** The series of counts and message rates behind {@code /api/v5/monitor} and the dashboard's charts. */
    Monitor monitor();

    /** The bridges whose rules {@code /api/v5/bridges} lists. */
    Bridges bridges();

    interface Bridges {

        /** Their HTTP base URLs ({@code http://bridge-0.bridge:18084}); absent: none is listed. */
        Optional<List<String>> urls();

        /** How long a bridge has to answer. */
        @WithDefault("3s")
        Duration timeout();
    }

    interface Monitor {

        /** How often ops reads the routers' counts into the series (at least 1s). */
        @WithDefault("10s")
        Duration interval();

        /** How far back the series reaches; older samples are dropped. */
        @WithDefault("1h")
        Duration retention();
    }

    interface ApiKeys {

        /**
         * A file of API keys created outside the API (EMQX's {@code api_key.bootstrap_file}): one
         * {@code key:secret} or {@code key:secret:role} per line (role {@code admin}, the default, or
         * {@code viewer}); read at start, held only as hashes.
         */
        Optional<Path> bootstrapFile();
    }
}
