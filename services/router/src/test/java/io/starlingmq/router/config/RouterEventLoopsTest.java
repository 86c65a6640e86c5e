package io.starlingmq.router.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RouterEventLoopsTest {

    @Inject
    Vertx vertx;

    @Test
    void theRunningRouterHasHalfAsManyEventLoopsAsProcessorsAndAtLeastOne() {
        int loops = 0;
        for (EventExecutor ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }

        assertThat(loops).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }
}
