package io.starlingmq.gateway.rebalance;

import io.starlingmq.contract.link.v1.GatewayLoad;
import java.util.List;

/**
 * How many connections a gateway should shed: the fleet is every gateway the routers report and that
 * does not drain, this one with its own count; above the even share by more than the tolerance, the
 * surplus over the share goes.
 */
public final class RebalancePlan {

    private RebalancePlan() {
    }

    /**
     * @param self      this gateway's id
     * @param own       this gateway's open connections now
     * @param fleet     the gateways' loads as reported (this one's may be among them, and is ignored)
     * @param tolerance how far above the share a gateway may stay, as a fraction of it
     */
    public static int surplus(String self, int own, List<GatewayLoad> fleet, double tolerance) {
        if (tolerance < 0) {
            throw new IllegalArgumentException("rebalance tolerance must not be negative, was " + tolerance);
        }
        long total = own;
        int gateways = 1;
        for (GatewayLoad load : fleet) {
            if (!load.getGatewayId().equals(self) && !load.getDraining()) {
                total += load.getConnections();
                gateways++;
            }
        }
        if (gateways < 2) {
            return 0;
        }
        double share = (double) total / gateways;
        if (own <= share * (1 + tolerance)) {
            return 0;
        }
        return own - (int) Math.ceil(share);
    }
}
