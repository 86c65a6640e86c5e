package io.starlingmq.router.sys;

/** Names of the {@code $SYS} topics of one node. */
final class SysTopics {

    private SysTopics() {
    }

    static String node(String node, String path) {
        return "$SYS/brokers/" + node + "/" + path;
    }

    static String clientEvent(String node, String clientId, String event) {
        return node(node, "clients/" + level(clientId) + "/" + event);
    }

    /** A name made one topic level without wildcards ('/', '+', '#' become '_'), never empty. */
    static String level(String name) {
        String level = name.replace('/', '_').replace('+', '_').replace('#', '_');
        return level.isEmpty() ? "_" : level;
    }
}
