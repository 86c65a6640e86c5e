package io.starlingmq.ops.api;

import io.starlingmq.ops.routers.RouterRefusedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A router refused the request: 400 with its reason, 409 for a limit or a conflict, in EMQX's error codes. */
@Provider
public class RouterRefusedMapper implements ExceptionMapper<RouterRefusedException> {

    @Override
    public Response toResponse(RouterRefusedException e) {
        return switch (e.code()) {
            case ALREADY_EXISTS -> new ApiError("ALREADY_EXISTS", e.getMessage()).response(Response.Status.BAD_REQUEST);
            case RESOURCE_EXHAUSTED -> new ApiError("CONFLICT", e.getMessage()).response(Response.Status.CONFLICT);
            case NOT_FOUND -> new ApiError("NOT_FOUND", e.getMessage()).response(Response.Status.NOT_FOUND);
            default -> new ApiError("BAD_REQUEST", e.getMessage()).response(Response.Status.BAD_REQUEST);
        };
    }
}
