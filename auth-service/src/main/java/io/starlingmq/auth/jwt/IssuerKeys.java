package io.starlingmq.auth.jwt;

import io.starlingmq.auth.config.AuthConfig;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;

/** One trusted issuer: its {@code iss} and current signing keys, reloaded through its {@link KeyLoader}. */
final class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class);

    private final String name;
    private final AuthConfig.Issuer config;
    private final KeyLoader loader;
    private final RefreshThrottle onDemand;

    private volatile String issuer;
    private volatile List<JsonWebKey> signingKeys = List.of();

    IssuerKeys(String name, AuthConfig.Issuer config, KeyLoader loader, RefreshThrottle onDemand) {
        this.name = name;
        this.config = config;
        this.loader = loader;
        this.onDemand = onDemand;
    }

    String name() {
        return name;
    }

    AuthConfig.Issuer config() {
        return config;
    }

    /** The {@code iss} value, once a load succeeded; null before. */
    String issuer() {
        return issuer;
    }

    List<JsonWebKey> signingKeys() {
        return signingKeys;
    }

    synchronized void refresh() throws IOException {
        KeyLoader.Loaded loaded = loader.load();
        signingKeys = loaded.signingKeys();
        issuer = loaded.issuer();
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

    /** A first load, rate limited like on-demand refreshes; used while the issuer is unknown. */
    void discoverOnDemand() {
        if (issuer == null) {
            refreshOnDemand();
        }
    }
}
