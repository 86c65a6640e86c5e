package io.starlingmq.gateway.transport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.starlingmq.launcher.FreePort;
import java.util.HashMap;
import java.util.Map;

/**
 * Enables the TLS, WS and WSS listeners on free ports with certificates from dev-certs.sh. Arguments:
 * {@code client-auth} (default none) and {@code reload-interval} (default 10s). Injects the
 * {@link TestCertificates} into test fields of that type.
 */
public final class TransportTestResource implements QuarkusTestResourceLifecycleManager {

    private final Map<String, String> args = new HashMap<>();
    private TestCertificates certificates;

    @Override
    public void init(Map<String, String> initArgs) {
        args.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        certificates = TestCertificates.generate();
        Map<String, String> config = new HashMap<>();
        config.put("starling.gateway.tls.enabled", "true");
        config.put("starling.gateway.tls.host", "127.0.0.1");
        config.put("starling.gateway.tls.port", Integer.toString(FreePort.find()));
        config.put("starling.gateway.tls.cert-file", certificates.serverCertFile().toString());
        config.put("starling.gateway.tls.key-file", certificates.serverKeyFile().toString());
        config.put("starling.gateway.tls.ca-file", certificates.caFile().toString());
        config.put("starling.gateway.tls.client-auth", args.getOrDefault("client-auth", "none"));
        config.put("starling.gateway.tls.reload-interval", args.getOrDefault("reload-interval", "10s"));
        config.put("starling.gateway.ws.enabled", "true");
        config.put("starling.gateway.ws.host", "127.0.0.1");
        config.put("starling.gateway.ws.port", Integer.toString(FreePort.find()));
        config.put("starling.gateway.wss.enabled", "true");
        config.put("starling.gateway.wss.host", "127.0.0.1");
        config.put("starling.gateway.wss.port", Integer.toString(FreePort.find()));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(certificates, new TestInjector.MatchesType(TestCertificates.class));
    }

    @Override
    public void stop() {
        // The certificates live in a temporary folder; nothing is listening here.
    }
}
