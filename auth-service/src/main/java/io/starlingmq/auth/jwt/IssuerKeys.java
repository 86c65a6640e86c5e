package io.starlingmq.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.starlingmq.auth.config.AuthConfig;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.Use;
import org.jose4j.lang.JoseException;

/**
 * One trusted issuer: its identity from OIDC discovery and its current signing keys from the JWKS.
 * Keys whose {@code use} is set to anything but {@code sig} are dropped on load.
 */
final class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class);
    private static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

    private final String name;
    private final AuthConfig.Issuer config;
    private final DocumentFetcher fetcher;
    private final ObjectMapper json;
    private final RefreshThrottle onDemand;

    private volatile String issuer;
    private volatile URI jwksUri;
    private volatile List<JsonWebKey> signingKeys = List.of();

    IssuerKeys(String name, AuthConfig.Issuer config, DocumentFetcher fetcher, ObjectMapper json,
            RefreshThrottle onDemand) {
        this.name = name;
        this.config = config;
        this.fetcher = fetcher;
        this.json = json;
        this.onDemand = onDemand;
    }

    String name() {
        return name;
    }

    AuthConfig.Issuer config() {
        return config;
    }

    /** The {@code iss} value, once discovery succeeded; null before. */
    String issuer() {
        return issuer;
    }

    List<JsonWebKey> signingKeys() {
        return signingKeys;
    }

    /** Discovers (if not yet done) and reloads the JWKS. */
    synchronized void refresh() throws IOException {
        if (jwksUri == null) {
            discover();
        }
        JsonWebKeySet set;
        try {
            set = new JsonWebKeySet(fetcher.fetch(jwksUri));
        } catch (JoseException e) {
            throw new IOException("JWKS of issuer '" + name + "' is not valid: " + e.getMessage(), e);
        }
        signingKeys = set.getJsonWebKeys().stream()
                .filter(key -> key.getUse() == null || Use.SIGNATURE.equals(key.getUse()))
                .toList();
        LOG.debugf("Issuer %s: %d signing keys loaded", name, signingKeys.size());
    }

    /** A refresh asked for by a token with an unknown key id; rate limited. */
    boolean refreshOnDemand() {
        if (!onDemand.tryAcquire()) {
            return false;
        }
        try {
            refresh();
            return true;
        } catch (IOException e) {
            LOG.warnf("Issuer %s: key refresh failed: %s", name, e.getMessage());
            return false;
        }
    }

    /** Discovery only, rate limited like on-demand refreshes; used while the issuer is unknown. */
    void discoverOnDemand() {
        if (issuer == null) {
            refreshOnDemand();
        }
    }

    private void discover() throws IOException {
        JsonNode document = json.readTree(fetcher.fetch(config.discoveryUrl()));
        String discoveredIssuer = document.path("issuer").asText(null);
        String discoveredJwks = document.path("jwks_uri").asText(null);
        if (discoveredIssuer == null || discoveredJwks == null) {
            throw new IOException("discovery document of issuer '" + name + "' lacks issuer or jwks_uri");
        }
        // OpenID Connect Discovery 1.0, section 4.3: the document must be served under its issuer.
        String expectedUrl = discoveredIssuer.replaceAll("/+$", "") + DISCOVERY_SUFFIX;
        if (!expectedUrl.equals(config.discoveryUrl().toString())) {
            throw new IOException("issuer '" + discoveredIssuer + "' does not match discovery URL "
                    + config.discoveryUrl());
        }
        jwksUri = URI.create(discoveredJwks);
        issuer = discoveredIssuer;
    }
}
