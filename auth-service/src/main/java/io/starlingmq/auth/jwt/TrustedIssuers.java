package io.starlingmq.auth.jwt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.starlingmq.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The configured issuers; keeps their keys fresh on a schedule. */
@ApplicationScoped
public class TrustedIssuers {

    private static final Logger LOG = Logger.getLogger(TrustedIssuers.class);

    private final List<IssuerKeys> issuers;

    public TrustedIssuers(AuthConfig config, DocumentFetcher fetcher, ObjectMapper json) {
        AuthConfig.Jwt jwt = config.jwt();
        this.issuers = jwt.issuers().entrySet().stream()
                .filter(e -> e.getValue().enabled())
                .sorted(Map.Entry.comparingByKey())
                .map(e -> {
                    validateAlgorithms(e.getKey(), e.getValue());
                    return new IssuerKeys(e.getKey(), e.getValue(), loaderFor(e.getKey(), e.getValue(), fetcher, json),
                            new RefreshThrottle(Clock.systemUTC(), jwt.minRefreshInterval()));
                })
                .toList();
        issuers.forEach(i -> LOG.infof("Trusting device tokens of issuer %s (%s)", i.name(), describe(i.config())));
    }

    private static KeyLoader loaderFor(String name, AuthConfig.Issuer issuer, DocumentFetcher fetcher,
            ObjectMapper json) {
        String prefix = "starling.auth.jwt.issuers." + name + ".";
        if (issuer.discoveryUrl().isPresent() == issuer.publicKeyFile().isPresent()) {
            throw new IllegalStateException(prefix + "discovery-url or " + prefix + "public-key-file: set exactly one");
        }
        if (issuer.discoveryUrl().isPresent()) {
            return new DiscoveryKeyLoader(name, issuer.discoveryUrl().get(), fetcher, json);
        }
        String iss = issuer.issuer().orElseThrow(() -> new IllegalStateException(
                prefix + "issuer is required with " + prefix + "public-key-file"));
        return new PemKeyLoader(iss, issuer.publicKeyFile().get());
    }

    private static String describe(AuthConfig.Issuer issuer) {
        return issuer.discoveryUrl().map(url -> "discovery " + url)
                .orElseGet(() -> "key file " + issuer.publicKeyFile().orElseThrow() + ", iss " + issuer.issuer().orElseThrow())
                + ", audience " + issuer.audience() + ", algorithms " + issuer.algorithms();
    }

    void loadAtStartup(@Observes StartupEvent event) {
        refreshAll();
    }

    /** An unreachable issuer must not stop the service: its tokens are denied until it answers. */
    @Scheduled(every = "${starling.auth.jwt.refresh-interval:10m}", delayed = "${starling.auth.jwt.refresh-interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshAll() {
        for (IssuerKeys issuer : issuers) {
            try {
                issuer.refresh();
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Issuer %s: cannot load keys: %s", issuer.name(), e.getMessage());
            }
        }
    }

    Optional<IssuerKeys> byIssuer(String iss) {
        Optional<IssuerKeys> known = find(iss);
        if (known.isPresent()) {
            return known;
        }
        issuers.stream().filter(i -> i.issuer() == null).forEach(IssuerKeys::discoverOnDemand);
        return find(iss);
    }

    private Optional<IssuerKeys> find(String iss) {
        return issuers.stream().filter(i -> iss.equals(i.issuer())).findFirst();
    }

    private static void validateAlgorithms(String name, AuthConfig.Issuer issuer) {
        for (String algorithm : issuer.algorithms()) {
            if (!SignatureAlgorithms.isAsymmetric(algorithm)) {
                throw new IllegalStateException("starling.auth.jwt.issuers." + name + ".algorithms: '"
                        + algorithm + "' is not allowed; use " + SignatureAlgorithms.ALLOWED);
            }
        }
    }
}
