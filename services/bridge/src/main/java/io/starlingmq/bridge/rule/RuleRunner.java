package io.starlingmq.bridge.rule;

/** A running rule: started once the bridge is up, stopped (its in-flight work finished) on shutdown. */
public interface RuleRunner {

    String name();

    RuleKind kind();

    /** Where it reads and writes, for the listing ("mqtt bridge/# → kafka mqtt-in"). */
    String route();

    void start();

    /** Stops reading, waits for what is in flight to be confirmed (bounded), then lets go of its clients. */
    void stop();

    RuleHealth health();
}
