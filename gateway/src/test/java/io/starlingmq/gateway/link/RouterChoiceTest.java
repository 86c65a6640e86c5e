package io.starlingmq.gateway.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rendezvous of client ids over routers. Every gateway, of any version, must pick the same router for a
 * client id given the same set: the owners below were computed once by this formula and are pinned, so a
 * change of it fails here. The other tests are the properties that make scaling the routers cheap.
 */
class RouterChoiceTest {

    private static final List<String> THREE = List.of("router-0:9090", "router-1:9090", "router-2:9090");
    private static final List<String> IDS = IntStream.range(0, 30_000).mapToObj(i -> "device-" + i).toList();

    @Test
    void picksTheSameRouterForAClientIdInEveryGateway() {
        assertThat(RouterChoice.ownerOf("device-42", THREE)).isEqualTo("router-0:9090");
        assertThat(RouterChoice.ownerOf("device-43", THREE)).isEqualTo("router-2:9090");
        assertThat(RouterChoice.ownerOf("sensor/7", THREE)).isEqualTo("router-2:9090");
    }

    @Test
    void theOrderInWhichGatewaysListTheRoutersDoesNotMatter() {
        List<String> reversed = new ArrayList<>(THREE).reversed();
        for (String id : IDS.subList(0, 1000)) {
            assertThat(RouterChoice.ownerOf(id, reversed)).isEqualTo(RouterChoice.ownerOf(id, THREE));
        }
    }

    @Test
    void aRouterThatJoinsTakesClientIdsOnlyFromTheOthersAndAboutItsShare() {
        List<String> four = new ArrayList<>(THREE);
        four.add("router-3:9090");
        int moved = 0;
        for (String id : IDS) {
            String before = RouterChoice.ownerOf(id, THREE);
            String after = RouterChoice.ownerOf(id, four);
            if (!after.equals(before)) {
                assertThat(after).as("a client id that moved goes to the new router").isEqualTo("router-3:9090");
                moved++;
            }
        }
        // a quarter of 30,000 would be 7,500
        assertThat(moved).isBetween(6_900, 8_100);
    }

    @Test
    void aRouterThatLeavesGivesAwayOnlyItsOwnClientIds() {
        List<String> two = THREE.subList(0, 2);
        for (String id : IDS) {
            String before = RouterChoice.ownerOf(id, THREE);
            String after = RouterChoice.ownerOf(id, two);
            if (!before.equals("router-2:9090")) {
                assertThat(after).as("the owner of %s stays", id).isEqualTo(before);
            }
        }
    }

    @Test
    void clientIdsSpreadEvenlyOverTheRouters() {
        Map<String, Integer> counts = new HashMap<>();
        IDS.forEach(id -> counts.merge(RouterChoice.ownerOf(id, THREE), 1, Integer::sum));
        assertThat(counts).hasSize(3);
        // a third of 30,000 would be 10,000
        counts.values().forEach(count -> assertThat(count).isBetween(9_300, 10_700));
    }

    @Test
    void noRouterNoOwner() {
        assertThat(RouterChoice.ownerOf("device-42", List.of())).isNull();
    }
}
