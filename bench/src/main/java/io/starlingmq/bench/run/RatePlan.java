package io.starlingmq.bench.run;

import io.starlingmq.bench.load.Rate;

/** How a case sets its rate: one run at a fixed rate (paced or max), or a max sustained rate search. */
public record RatePlan(boolean search, Rate rate) {

    public static final RatePlan SEARCH = new RatePlan(true, Rate.UNLIMITED);
    public static final RatePlan MAX = new RatePlan(false, Rate.UNLIMITED);

    public static RatePlan parse(String text) {
        return switch (text) {
            case "search" -> SEARCH;
            case "max" -> MAX;
            default -> {
                try {
                    yield new RatePlan(false, Rate.paced(Double.parseDouble(text.replace("_", ""))));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad rate: " + text + " (a number of msg/s, max or search)");
                }
            }
        };
    }

    @Override
    public String toString() {
        return search ? "max sustained rate search" : rate.isPaced() ? "paced " + rate : "unpaced (max)";
    }
}
