package io.starlingmq.auth.api;

import io.starlingmq.auth.chain.Outcome;
import io.starlingmq.rules.AccessRule;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The verdict on a CONNECT and, when allowed, the rules the gateway enforces. */
@Schema(description = "Verdict; gateways must refuse the connection unless result is allow")
public record AuthnResponse(
        @Schema(required = true, enumeration = {"allow", "deny", "ignore"}) Outcome result,
        @Schema(description = "Why, for logs; never shown to the device") String reason,
        @Schema(description = "A superuser is not subject to rules") boolean superuser,
        @Schema(description = "When the credential expires, epoch seconds; null if it does not", nullable = true)
        Long expiresAt,
        @Schema(description = "Ordered rules: the first that matches decides; none matching denies")
        List<AccessRule> rules) {
}
