package io.starlingmq.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How {@link RedisCluster#nodes()} reads the nodes' answers to CLUSTER NODES; nothing starts. */
class RedisClusterNodesTest {

    private static final String A = "aaaa 127.0.0.1:7000@17000 ";
    private static final String B = "bbbb 127.0.0.1:7001@17001,node-b ";
    private static final String C = "cccc 127.0.0.1:7002@17002 ";

    @Test
    void eachNodeIsTakenFromItsOwnLineNotFromAnotherNodesStaleView() {
        // A still sees the new replica C as a master without slots; C itself already follows A.
        String viewOfA = A + "myself,master - 0 0 1 connected 0-8000\n"
                + B + "master - 0 0 2 connected 8001-16383\n"
                + C + "master - 0 0 3 connected\n";
        String viewOfB = B + "myself,master - 0 0 2 connected 8001-16383 [8002->-aaaa]\n"
                + A + "master - 0 0 1 connected 0-8000\n";
        String viewOfC = C + "myself,slave aaaa 0 0 3 connected\n"
                + A + "master - 0 0 1 connected 0-8000\n";

        List<RedisCluster.Node> nodes = RedisCluster.parseNodes(List.of(viewOfC, viewOfA, viewOfB));

        assertThat(nodes).containsExactly(
                new RedisCluster.Node(7000, 17000, true, OptionalInt.empty(), List.of("0-8000")),
                new RedisCluster.Node(7001, 17001, true, OptionalInt.empty(), List.of("8001-16383")),
                new RedisCluster.Node(7002, 17002, false, OptionalInt.of(7000), List.of()));
    }
}
