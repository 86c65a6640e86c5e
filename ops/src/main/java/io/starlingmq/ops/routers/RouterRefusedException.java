package io.starlingmq.ops.routers;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A router answered and refused the request itself (bad input, a limit, a conflict): asking another router would
 * get the same answer, so the refusal goes back to the caller.
 */
public class RouterRefusedException extends RuntimeException {

    private final Status.Code code;

    public RouterRefusedException(StatusRuntimeException cause) {
        super(cause.getStatus().getDescription(), cause);
        this.code = cause.getStatus().getCode();
    }

    public Status.Code code() {
        return code;
    }

    /** The codes by which a router refuses a request, rather than failing to serve it. */
    static boolean isRefusal(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, ALREADY_EXISTS, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, NOT_FOUND, OUT_OF_RANGE -> true;
            default -> false;
        };
    }
}
