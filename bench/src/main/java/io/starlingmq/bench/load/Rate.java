package io.starlingmq.bench.load;

/** A total publish rate over all publishers of a run: paced messages per second, or as fast as flow control allows. */
public record Rate(double perSecond) {

    public static final Rate UNLIMITED = new Rate(0);

    public static Rate paced(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("a paced rate must be positive: " + perSecond);
        }
        return new Rate(perSecond);
    }

    public boolean isPaced() {
        return perSecond > 0;
    }

    @Override
    public String toString() {
        return isPaced() ? String.format("%,.0f msg/s", perSecond) : "max";
    }
}
