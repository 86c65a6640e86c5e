package io.starlingmq.gateway.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Puts the gateway in service mode against a {@link FakeAuthService} on a free port. */
public final class AuthServiceResource implements QuarkusTestResourceLifecycleManager {

    private FakeAuthService service;
    /** The gateway's auth timeout; a test that holds requests on purpose sets a generous one. */
    private String timeout = "1s";

    @Override
    public void init(Map<String, String> initArgs) {
        timeout = initArgs.getOrDefault("timeout", timeout);
    }

    @Override
    public Map<String, String> start() {
        try {
            service = new FakeAuthService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "starling.gateway.auth.mode", "service",
                "starling.gateway.auth.url", service.url().toString(),
                "starling.gateway.auth.timeout", timeout);
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
