package io.starlingmq.router.component;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.admin.v1.DelayedEntry;
import io.starlingmq.contract.admin.v1.DelayedRequest;
import io.starlingmq.contract.admin.v1.ListDelayedRequest;
import io.starlingmq.contract.admin.v1.RouterAdminGrpc;
import io.starlingmq.router.testsupport.TestGateway;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The delayed messages through the admin service: listed in due order, read, and removed before they are due. */
@QuarkusTest
class DelayedAdminTest extends RouterLinkTestBase {

    private ManagedChannel channel;
    private RouterAdminGrpc.RouterAdminBlockingStub admin;

    @BeforeEach
    void connectAdmin() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        admin = RouterAdminGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void closeAdmin() {
        channel.shutdownNow();
    }

    @Test
    void delayedPublishesAreListedInDueOrderReadByIdAndRemovedBeforeTheyAreDue() {
        TestGateway gateway = gateway("gw");
        String publisher = id("pub");
        openSession(gateway, 1, publisher, true, CLEAN);
        gateway.send(TestGateway.publish(1, publisher, 1, "$delayed/3600/" + id("later"), "in an hour", 1));
        gateway.take(TestGateway.publishDone(1, 1));
        gateway.send(TestGateway.publish(1, publisher, 2, "$delayed/600/" + id("sooner"), "in ten minutes", 1));
        gateway.take(TestGateway.publishDone(1, 2));

        List<DelayedEntry> mine = admin.listDelayed(ListDelayedRequest.newBuilder().setLimit(10_000).build())
                .getEntriesList().stream().filter(e -> e.getMessage().getPublisher().equals(publisher)).toList();

        assertThat(mine).extracting(e -> e.getMessage().getTopic()).containsExactly(id("sooner"), id("later"));
        DelayedEntry sooner = mine.getFirst();
        assertThat(sooner.getDueAt() - sooner.getReceivedAt()).isEqualTo(600_000);
        assertThat(admin.getDelayed(DelayedRequest.newBuilder().setId(sooner.getId()).build()).getEntry()
                .getMessage().getPayload().toStringUtf8()).isEqualTo("in ten minutes");

        for (DelayedEntry entry : mine) {
            assertThat(admin.deleteDelayed(DelayedRequest.newBuilder().setId(entry.getId()).build()).getDeleted()).isTrue();
        }
        assertThat(admin.getDelayed(DelayedRequest.newBuilder().setId(sooner.getId()).build()).hasEntry()).isFalse();
        assertThat(admin.deleteDelayed(DelayedRequest.newBuilder().setId(sooner.getId()).build()).getDeleted()).isFalse();
    }
}
