package io.starlingmq.gateway.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Puts the gateway in service mode against a {@link FakeAuthService} on a free port. */
public final class AuthServiceResource implements QuarkusTestResourceLifecycleManager {

    private FakeAuthService service;
    /**
     * The gateway's auth timeout (init argument {@code timeout}): generous, so that the first call of a
     * freshly started gateway on a busy machine is not refused as unavailable.
     */
    private String timeout = "10s";
    /** Init arguments named {@code starling.*} are passed on as gateway configuration. */
    private final Map<String, String> extraConfig = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        timeout = initArgs.getOrDefault("timeout", timeout);
        initArgs.forEach((key, value) -> {
            if (key.startsWith("starling.")) {
                extraConfig.put(key, value);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        try {
            service = new FakeAuthService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(extraConfig);
        config.put("starling.gateway.auth.mode", "service");
        config.put("starling.gateway.auth.url", service.url().toString());
        config.put("starling.gateway.auth.timeout", timeout);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(service, new TestInjector.MatchesType(FakeAuthService.class));
    }

    @Override
    public void stop() {
        service.close();
    }
}
