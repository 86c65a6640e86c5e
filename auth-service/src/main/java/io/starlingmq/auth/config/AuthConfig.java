package io.starlingmq.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of the auth service, under {@code starling.auth}. */
@ConfigMapping(prefix = "starling.auth")
public interface AuthConfig {

    /** Authenticators asked in this order ({@code jwt}, {@code password}, {@code anonymous}). */
    @WithDefault("jwt,password")
    List<String> chain();

    /** What an operation no rule matches gets: {@code deny} (default) or {@code allow}. */
    @WithDefault("deny")
    NoMatch noMatch();

    Jwt jwt();

    Password password();

    Admin admin();

    enum NoMatch {
        DENY,
        ALLOW
    }

    interface Jwt {
        /** Trusted issuers by name. */
        Map<String, Issuer> issuers();

        /** How often every issuer's JWKS is fetched again. */
        @WithDefault("10m")
        Duration refreshInterval();

        /** Least time between two refreshes caused by an unknown key id (rate limit). */
        @WithDefault("30s")
        Duration minRefreshInterval();

        /** Tolerance on {@code exp} and {@code nbf}. */
        @WithDefault("30s")
        Duration clockSkew();

        /** Timeout of each discovery or JWKS request. */
        @WithDefault("5s")
        Duration httpTimeout();

        /** Largest discovery or JWKS document accepted, in bytes. */
        @WithDefault("1048576")
        int maxDocumentBytes();

        /** Longest token accepted, in characters. */
        @WithDefault("16384")
        int maxTokenLength();
    }

    /** One trusted issuer: either {@code discovery-url}, or {@code public-key-file} with {@code issuer}. */
    interface Issuer {
        /** Whether tokens of this issuer are accepted; lets a profile or a flag switch one off. */
        @WithDefault("true")
        boolean enabled();

        /** The issuer's OpenID discovery document ({@code .../.well-known/openid-configuration}). */
        Optional<URI> discoveryUrl();

        /**
         * A PEM public key (RSA or EC, SubjectPublicKeyInfo) trusted instead of discovery; meant for
         * the local development issuer only. Re-read on every key refresh.
         */
        Optional<Path> publicKeyFile();

        /** The {@code iss} of tokens signed with {@code public-key-file}; discovery supplies its own. */
        Optional<String> issuer();

        /** The audience a device token must carry. */
        String audience();

        /** Signature algorithms accepted from this issuer: RS256, ES256 or PS256. */
        @WithDefault("RS256")
        List<String> algorithms();

        /** The claim that must equal the MQTT client id. */
        @WithDefault("client_id")
        String clientIdClaim();

        /** If set, the claim that must equal the MQTT username. */
        Optional<String> usernameClaim();

        /** The claim holding the device's access rules. */
        @WithDefault("acl")
        String aclClaim();
    }

    interface Password {
        /** PBKDF2-HMAC-SHA256 iterations for new hashes (stored hashes keep their own count). */
        @WithDefault("600000")
        int iterations();
    }

    interface Admin {
        /** Largest page the admin API returns. */
        @WithDefault("500")
        int maxPageSize();
    }
}
