package io.starlingmq.gateway.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Calls {@code POST /v1/authn} with a timeout and at most {@code maxConcurrent} calls in flight;
 * a call beyond that is answered {@link AuthDecision.Busy} without being made. It fails closed:
 * no answer, a late answer, a non-200 answer or one that breaks the contract is
 * {@link AuthDecision.Unavailable}.
 */
public final class AuthServiceClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuthServiceClient.class);

    private final WebClient client;
    private final String endpoint;
    private final Duration timeout;
    private final Semaphore permits;
    /** Logs the first failure and the recovery at WARN/INFO, not every refused CONNECT in between. */
    private final AtomicBoolean failing = new AtomicBoolean();

    public AuthServiceClient(Vertx vertx, URI baseUrl, Duration timeout, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("max-concurrent must be at least 1");
        }
        String base = baseUrl.toString();
        this.endpoint = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/authn";
        this.timeout = timeout;
        this.permits = new Semaphore(maxConcurrent);
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setMaxPoolSize(maxConcurrent)
                .setMaxWaitQueueSize(maxConcurrent));
    }

    public Uni<AuthDecision> authenticate(ConnectFacts facts) {
        return Uni.createFrom().deferred(() -> {
            String password;
            try {
                password = utf8(facts.credential());
            } catch (CharacterCodingException notText) {
                return Uni.createFrom().item(AuthDecision.deny(AuthDecision.Refusal.BAD_CREDENTIALS,
                        "credential is not UTF-8 text"));
            }
            if (!permits.tryAcquire()) {
                return Uni.createFrom().item(AuthDecision.busy());
            }
            return call(facts, password).onTermination().invoke(permits::release);
        });
    }

    /** {@code password} is the credential: the MQTT password, or the token of enhanced authentication. */
    private Uni<AuthDecision> call(ConnectFacts facts, String password) {
        JsonObject request = new JsonObject()
                .put("clientId", facts.clientId())
                .put("username", facts.username())
                .put("password", password)
                .put("peerAddress", facts.peerAddress())
                .put("certificateSubject", facts.certificateSubject())
                .put("protocolVersion", facts.protocolVersion());
        return client.postAbs(endpoint)
                .timeout(timeout.toMillis())
                .sendJsonObject(request)
                .ifNoItem().after(timeout).fail()
                .map(this::decide)
                .onFailure().recoverWithItem(failure -> unavailable(facts, failure))
                .invoke(this::noteOutcome);
    }

    private AuthDecision decide(HttpResponse<Buffer> response) {
        JsonObject body = response.statusCode() == 200 ? response.bodyAsJsonObject() : null;
        return AuthnAnswers.decide(response.statusCode(), body);
    }

    private AuthDecision unavailable(ConnectFacts facts, Throwable failure) {
        LOG.debugf("auth service gave no usable answer for %s: %s", facts.clientId(), failure.toString());
        return AuthDecision.unavailable(failure.toString());
    }

    private void noteOutcome(AuthDecision decision) {
        if (decision instanceof AuthDecision.Unavailable unavailable) {
            if (failing.compareAndSet(false, true)) {
                LOG.warnf("auth service %s is unavailable, refusing new connections: %s", endpoint,
                        unavailable.reason());
            }
        } else if (failing.compareAndSet(true, false)) {
            LOG.infof("auth service %s answers again", endpoint);
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        if (bytes == null) {
            return null;
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    @Override
    public void close() {
        client.close();
    }
}
