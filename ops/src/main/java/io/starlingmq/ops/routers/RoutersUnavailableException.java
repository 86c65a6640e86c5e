package io.starlingmq.ops.routers;

import java.util.Collection;

/** No router answered a call that needs one (every change goes through a router). */
public class RoutersUnavailableException extends RuntimeException {

    public RoutersUnavailableException(Collection<String> routers, Throwable last) {
        super("no router answered (" + String.join(", ", routers) + ")", last);
    }
}
