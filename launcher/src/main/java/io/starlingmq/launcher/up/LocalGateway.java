package io.starlingmq.launcher.up;

/** A gateway of an 'up --gateways' run: its name (and pid file), its own ports and its HTTP port. */
record LocalGateway(String name, ListenerPorts ports, int httpPort) {

    static final String PREFIX = "gateway-";

    static String name(int index) {
        return PREFIX + index;
    }

    int index() {
        return Integer.parseInt(name.substring(PREFIX.length()));
    }
}
