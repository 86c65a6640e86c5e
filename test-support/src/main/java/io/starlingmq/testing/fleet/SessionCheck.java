package io.starlingmq.testing.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether every client came back as it should: a persistent client's first CONNACK has Session Present 0
 * (the fleet starts on an empty store) and every later one Session Present 1 (its session was resumed,
 * wherever it reconnected); a clean client's every CONNACK has Session Present 0; and every client is
 * connected at the end.
 */
public final class SessionCheck {

    private SessionCheck() {
    }

    /** One client as the check sees it. */
    public record Client(String id, boolean persistent, boolean connected, Timeline timeline) {
    }

    /** The violations, one line per client; empty when every client came back as it should. */
    public static List<String> check(List<Client> clients) {
        List<String> violations = new ArrayList<>();
        for (Client client : clients) {
            List<Timeline.Connect> connects = client.timeline().connects();
            if (connects.isEmpty()) {
                violations.add(client.id() + ": never connected");
                continue;
            }
            for (int i = 0; i < connects.size(); i++) {
                boolean expected = client.persistent() && i > 0;
                if (connects.get(i).sessionPresent() != expected) {
                    violations.add(client.id() + ": connect " + (i + 1) + " of " + connects.size()
                            + " had Session Present " + (expected ? 0 : 1) + " (" + client.timeline().describe() + ")");
                }
            }
            if (!client.connected()) {
                violations.add(client.id() + ": not connected at the end (" + client.timeline().describe() + ")");
            }
        }
        return violations;
    }

    public static List<Client> of(List<FleetClient> clients) {
        return clients.stream()
                .map(c -> new Client(c.id(), c.profile().persistent(), c.isConnected(), c.timeline())).toList();
    }
}
