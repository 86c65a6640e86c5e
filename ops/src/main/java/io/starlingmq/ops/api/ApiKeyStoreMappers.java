package io.starlingmq.ops.api;

import io.starlingmq.ops.security.ApiKeyStore;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The key store's refusals in EMQX's error shape. */
public class ApiKeyStoreMappers {

    /** As EMQX: a taken name is a bad request. */
    @ServerExceptionMapper
    public Response duplicate(ApiKeyStore.DuplicateNameException e) {
        return new ApiError("BAD_REQUEST", e.getMessage()).response(Response.Status.BAD_REQUEST);
    }

    @ServerExceptionMapper
    public Response noDatabase(ApiKeyStore.NoDatabaseException e) {
        return new ApiError("SERVICE_UNAVAILABLE", e.getMessage()).response(Response.Status.SERVICE_UNAVAILABLE);
    }
}
