package io.starlingmq.bench.counters;

import java.util.OptionalLong;

/** Memory of the broker under test, as the connection scenario needs it. */
public interface BrokerMemory {

    /** Resident memory of the process that holds the connections (the gateway; mosquitto itself). */
    long connectionHolderRssBytes();

    /** Live heap of that process after a full GC, when it is a JVM; empty otherwise. */
    default OptionalLong connectionHolderHeapBytes() {
        return OptionalLong.empty();
    }

    /** Native memory that process holds outside its heap, when it is a JVM that tracks it; empty otherwise. */
    default OptionalLong connectionHolderNativeBytes() {
        return OptionalLong.empty();
    }
}
