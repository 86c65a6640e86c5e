package io.starlingmq.router.component;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.starlingmq.contract.admin.v1.AddBanReply;
import io.starlingmq.contract.admin.v1.AddBanRequest;
import io.starlingmq.contract.admin.v1.BanEntry;
import io.starlingmq.contract.admin.v1.DeleteBanRequest;
import io.starlingmq.contract.admin.v1.ListBansRequest;
import io.starlingmq.contract.admin.v1.RouterAdminGrpc;
import io.starlingmq.contract.link.v1.RouterEvent;
import io.starlingmq.router.testsupport.TestGateway;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The banned list through the admin service: a covered CONNECT is refused, a covered live connection told to go. */
@QuarkusTest
class BannedClientsTest extends RouterLinkTestBase {

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
    void connectOfABannedClientIdIsRefusedWithBanned() {
        TestGateway gateway = gateway("gw");
        String client = id("rogue");
        ban("clientid", client);

        RouterEvent opened = openSession(gateway, 1, client, true, PERSISTENT);

        assertThat(opened.getSessionOpened().getReasonCode()).isEqualTo(0x8A);
        assertThat(directory.get(client)).isNull();
        unban("clientid", client);
    }

    @Test
    void banDisconnectsEveryConnectedClientItCoversOnEveryGateway() {
        TestGateway first = gateway("gw-1");
        TestGateway second = gateway("gw-2");
        String user = id("mallory");
        first.send(TestGateway.openWithClientFacts(1, id("m-1"), user, "10.0.0.1:5000", 30));
        first.take(TestGateway.sessionOpened(1));
        second.send(TestGateway.openWithClientFacts(2, id("m-2"), user, "10.0.0.2:5000", 30));
        second.take(TestGateway.sessionOpened(2));
        second.send(TestGateway.openWithClientFacts(3, id("alice"), id("alice"), "10.0.0.3:5000", 30));
        second.take(TestGateway.sessionOpened(3));

        AddBanReply added = ban("username", user);

        assertThat(added.getDisconnected()).isEqualTo(2);
        RouterEvent firstKick = first.take(RouterEvent::hasKick);
        RouterEvent secondKick = second.take(RouterEvent::hasKick);
        assertThat(firstKick.getKick().getConnectionId()).isEqualTo(1);
        assertThat(firstKick.getKick().getReasonCode()).isEqualTo(0x98);
        assertThat(secondKick.getKick().getConnectionId()).isEqualTo(2);
        unban("username", user);
    }

    @Test
    void networkBanRefusesAddressesInsideIt() {
        TestGateway gateway = gateway("gw");
        ban("peerhost_net", "172.31.7.0/24");
        try {
            gateway.send(TestGateway.openWithClientFacts(1, id("inside"), "", "172.31.7.200:1000", 30));
            gateway.send(TestGateway.openWithClientFacts(2, id("outside"), "", "172.31.8.1:1000", 30));

            assertThat(gateway.take(TestGateway.sessionOpened(1)).getSessionOpened().getReasonCode()).isEqualTo(0x8A);
            assertThat(gateway.take(TestGateway.sessionOpened(2)).getSessionOpened().getReasonCode()).isZero();
        } finally {
            unban("peerhost_net", "172.31.7.0/24");
        }
    }

    @Test
    void liftedBanLetsTheClientConnectAgain() {
        TestGateway gateway = gateway("gw");
        String client = id("forgiven");
        ban("clientid", client);

        assertThat(admin.deleteBan(DeleteBanRequest.newBuilder().setKind("clientid").setWho(client).build())
                .getDeleted()).isTrue();

        assertThat(openSession(gateway, 1, client, true, CLEAN).getSessionOpened().getReasonCode()).isZero();
        assertThat(admin.deleteBan(DeleteBanRequest.newBuilder().setKind("clientid").setWho(client).build())
                .getDeleted()).isFalse();
    }

    @Test
    void malformedBanIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ban("peerhost", "not-an-address"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("not an IP address");
                });
        assertThatThrownBy(() -> ban("nickname", "x"))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getDescription()).contains("kind must be one of"));
    }

    @Test
    void bansAreListedWithWhoMadeThemAndWhy() {
        String client = id("listed");
        ban("clientid", client);

        assertThat(admin.listBans(ListBansRequest.newBuilder().setLimit(10_000).build()).getBansList())
                .anySatisfy(ban -> {
                    assertThat(ban.getWho()).isEqualTo(client);
                    assertThat(ban.getBy()).isEqualTo("test");
                    assertThat(ban.getReason()).isEqualTo("testing");
                    assertThat(ban.getUntil()).isZero();
                });
        unban("clientid", client);
    }

    private AddBanReply ban(String kind, String who) {
        return admin.addBan(AddBanRequest.newBuilder().setBan(BanEntry.newBuilder().setKind(kind).setWho(who)
                .setBy("test").setReason("testing")).build());
    }

    private void unban(String kind, String who) {
        admin.deleteBan(DeleteBanRequest.newBuilder().setKind(kind).setWho(who).build());
    }
}
