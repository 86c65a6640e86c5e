package io.starlingmq.auth.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the shared servers once for every {@code @QuarkusTest} of the module. */
@QuarkusTestResource(AuthServicesResource.class)
public final class TestServers {

    private TestServers() {
    }
}
