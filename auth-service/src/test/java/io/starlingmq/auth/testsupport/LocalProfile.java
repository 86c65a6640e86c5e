package io.starlingmq.auth.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs the service in the {@code local} configuration profile of {@code ./starling up}, with a test dev key. */
public class LocalProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "local";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("%local.starling.auth.jwt.issuers.local.public-key-file", DevKeyFiles.ensure().toString());
    }
}
