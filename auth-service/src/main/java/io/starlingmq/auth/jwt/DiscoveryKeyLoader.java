package io.starlingmq.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.Use;
import org.jose4j.lang.JoseException;

/**
 * Keys of an OIDC issuer: discovery once (until it succeeds), then the JWKS on every load. Keys whose
 * {@code use} is set to anything but {@code sig} are dropped.
 */
final class DiscoveryKeyLoader implements KeyLoader {

    private static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

    private final String name;
    private final URI discoveryUrl;
    private final DocumentFetcher fetcher;
    private final ObjectMapper json;

    private String issuer;
    private URI jwksUri;

    DiscoveryKeyLoader(String name, URI discoveryUrl, DocumentFetcher fetcher, ObjectMapper json) {
        this.name = name;
        this.discoveryUrl = discoveryUrl;
        this.fetcher = fetcher;
        this.json = json;
    }

    @Override
    public synchronized Loaded load() throws IOException {
        if (jwksUri == null) {
            discover();
        }
        JsonWebKeySet set;
        try {
            set = new JsonWebKeySet(fetcher.fetch(jwksUri));
        } catch (JoseException e) {
            throw new IOException("JWKS of issuer '" + name + "' is not valid: " + e.getMessage(), e);
        }
        return new Loaded(issuer, set.getJsonWebKeys().stream()
                .filter(key -> key.getUse() == null || Use.SIGNATURE.equals(key.getUse()))
                .toList());
    }

    private void discover() throws IOException {
        JsonNode document = json.readTree(fetcher.fetch(discoveryUrl));
        String discoveredIssuer = document.path("issuer").asText(null);
        String discoveredJwks = document.path("jwks_uri").asText(null);
        if (discoveredIssuer == null || discoveredJwks == null) {
            throw new IOException("discovery document of issuer '" + name + "' lacks issuer or jwks_uri");
        }
        // OpenID Connect Discovery 1.0, section 4.3: the document must be served under its issuer.
        String expectedUrl = discoveredIssuer.replaceAll("/+$", "") + DISCOVERY_SUFFIX;
        if (!expectedUrl.equals(discoveryUrl.toString())) {
            throw new IOException("issuer '" + discoveredIssuer + "' does not match discovery URL " + discoveryUrl);
        }
        jwksUri = URI.create(discoveredJwks);
        issuer = discoveredIssuer;
    }
}
