package io.starlingmq.router.session;

import io.smallrye.mutiny.Uni;
import io.starlingmq.contract.link.v1.PublishRelease;
import io.starlingmq.contract.reason.DisconnectReason;
import io.starlingmq.contract.reason.PubcompReason;
import io.starlingmq.router.events.RouterEvents;
import io.starlingmq.router.link.GatewayLink;
import io.starlingmq.store.Holder;
import io.starlingmq.store.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** A persistent publisher's PUBREL: its packet id leaves the store's received set, then PUBCOMP may go. */
@ApplicationScoped
public class PublishReleases {

    private static final Logger LOG = Logger.getLogger(PublishReleases.class);

    @Inject
    SessionStore store;

    public Uni<Void> release(GatewayLink link, PublishRelease release) {
        Holder holder = new Holder(link.gatewayId(), release.getConnectionId());
        return store.forgetReceived(release.getClientId(), holder, release.getPacketId())
                .invoke(found -> link.sender().send(RouterEvents.releaseDone(release.getConnectionId(),
                        release.getPacketId(), found ? PubcompReason.SUCCESS : PubcompReason.PACKET_IDENTIFIER_NOT_FOUND)))
                // No PUBCOMP on failure. A client resends PUBREL only when it reconnects, so its connection is
                // ended (0x89 Server busy): it resumes and resends, and the release is tried again.
                .onFailure().invoke(failure -> {
                    LOG.errorf(failure, "PUBREL of %s failed; ending its connection", release.getClientId());
                    link.sender().send(RouterEvents.kick(release.getConnectionId(), DisconnectReason.SERVER_BUSY));
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
