package io.starlingmq.ops.api;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** EMQX's page-number paging: {@code page} from 1, {@code limit} up to {@link #MAX_LIMIT}, and the answer's meta. */
record PageRequest(int page, int limit) {

    static final int MAX_LIMIT = 10_000;

    /** The 400 a bad page or limit gets, naming the parameter; empty when both are good. */
    Optional<Response> problem() {
        if (page < 1) {
            return Optional.of(new ApiError("BAD_REQUEST", "page: from 1").response(Response.Status.BAD_REQUEST));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Optional.of(new ApiError("BAD_REQUEST", "limit: from 1 to " + MAX_LIMIT)
                    .response(Response.Status.BAD_REQUEST));
        }
        return Optional.empty();
    }

    /** How many entries the pages before this one hold. */
    long offset() {
        return (long) (page - 1) * limit;
    }

    /** The answer: {@code data} and EMQX's meta; {@code count} null when not counted (a filtered listing). */
    Response answer(List<?> data, Long count, boolean hasNext) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page);
        meta.put("limit", limit);
        if (count != null) {
            meta.put("count", count);
        }
        meta.put("hasnext", hasNext);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("meta", meta);
        return Response.ok(body).build();
    }

    /** The answer of a counted listing: whether a next page exists follows from the count. */
    Response answer(List<?> data, long count) {
        return answer(data, count, offset() + data.size() < count);
    }
}
