package io.starlingmq.ops.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An error as EMQX's API answers one: {@code {"code": "CLIENTID_NOT_FOUND", "message": "Client ID not found"}}. */
public record ApiError(String code, String message) {

    public Response response(Response.Status status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(this).build();
    }
}
