package io.starlingmq.ops.api;

import io.starlingmq.ops.routers.RouterAdminClients.RouterAnswer;
import io.starlingmq.ops.routers.RoutersUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counts as EMQX lists them per node: one object of dotted names per router that answered, each with its
 * {@code node}; when none answered, {@link RoutersUnavailableException} (a 503).
 */
final class PerRouterCounts {

    static final String NODE = "node";

    private PerRouterCounts() {
    }

    static <T> List<Map<String, Object>> of(List<RouterAnswer<T>> answers, Function<T, Map<String, Long>> counts) {
        List<Map<String, Object>> perRouter = new ArrayList<>();
        for (RouterAnswer<T> answer : answers) {
            answer.reply().ifPresent(reply -> {
                Map<String, Object> one = new LinkedHashMap<>(counts.apply(reply));
                one.put(NODE, answer.router());
                perRouter.add(one);
            });
        }
        if (perRouter.isEmpty()) {
            throw new RoutersUnavailableException(answers.stream().map(RouterAnswer::router).toList(), null);
        }
        return perRouter;
    }

    /** One router's counts without its node: what it alone says of the whole broker. */
    static Map<String, Object> first(List<Map<String, Object>> perRouter) {
        Map<String, Object> one = new LinkedHashMap<>(perRouter.getFirst());
        one.remove(NODE);
        return one;
    }

    /** The counts of every router added up, for counters each router keeps of its own work. */
    static Map<String, Object> sum(List<Map<String, Object>> perRouter) {
        Map<String, Object> sum = new LinkedHashMap<>();
        for (Map<String, Object> one : perRouter) {
            one.forEach((name, value) -> {
                if (!name.equals(NODE)) {
                    sum.merge(name, value, (a, b) -> (Long) a + (Long) b);
                }
            });
        }
        return sum;
    }
}
