package io.starlingmq.router.component;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An application of its own: once it has left, a router takes no session until it restarts. */
public class LeavingRouterProfile implements QuarkusTestProfile {
}
