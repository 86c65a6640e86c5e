package io.starlingmq.ops.api;

import io.starlingmq.ops.routers.RoutersUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No router answered: 503, so a script can tell "try again" from "not found". */
@Provider
public class RoutersUnavailableMapper implements ExceptionMapper<RoutersUnavailableException> {

    @Override
    public Response toResponse(RoutersUnavailableException e) {
        return new ApiError("SERVICE_UNAVAILABLE", e.getMessage()).response(Response.Status.SERVICE_UNAVAILABLE);
    }
}
