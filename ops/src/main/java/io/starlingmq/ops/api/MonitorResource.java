package io.starlingmq.ops.api;

import io.starlingmq.ops.monitor.MonitorSampler;
import io.starlingmq.ops.monitor.MonitorSeries;
import io.starlingmq.ops.monitor.Reading;
import io.starlingmq.ops.monitor.RouterReadings;
import io.starlingmq.ops.monitor.Sample;
import io.starlingmq.ops.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v5/monitor} and {@code /api/v5/monitor_current}: the broker's counts over time, and now. */
@Path("/api/v5")
@Produces(MediaType.APPLICATION_JSON)
public class MonitorResource {

    @Inject
    MonitorSampler sampler;

    @Inject
    RouterReadings readings;

    @GET
    @Path("/monitor")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "The counts over time",
            description = "As EMQX: one sample per starling.ops.monitor.interval (10 s by default, an hour kept), "
                    + "oldest first, each {time_stamp (ms), connections, live_connections, sessions, subscriptions, "
                    + "retained_msg_count, received, sent, dropped}, the message counts being those of the sample's "
                    + "interval; latest=N keeps the samples of the last N seconds. Starling's own: gateways (each "
                    + "gateway's connections).")
    public Response monitor(@QueryParam("latest") String latest) {
        MonitorSeries series = sampler.series();
        List<Sample> samples;
        if (latest == null || latest.isBlank()) {
            samples = series.all();
        } else {
            Optional<Long> seconds = positive(latest);
            if (seconds.isEmpty()) {
                return new ApiError("BAD_REQUEST", "latest must be a positive number of seconds")
                        .response(Response.Status.BAD_REQUEST);
            }
            samples = series.latest(Duration.ofSeconds(seconds.get()));
        }
        return Response.ok(samples.stream().map(MonitorResource::sample).toList()).build();
    }

    @GET
    @Path("/monitor_current")
    @RolesAllowed({Role.ADMIN_NAME, Role.VIEWER_NAME})
    @Operation(summary = "The counts now, and the message rates",
            description = "As EMQX: connections, live_connections, sessions, subscriptions, retained_msg_count read "
                    + "from the routers now; received_msg_rate, sent_msg_rate, dropped_msg_rate per second over the "
                    + "latest sample's interval (0 until there are two samples). Starling's own: received, sent, "
                    + "dropped (the routers' counters since they started, summed) and gateways (each gateway's "
                    + "connections). 503 when no router answers.")
    public Map<String, Object> current() {
        Reading now = readings.read();
        Optional<Sample> newest = sampler.series().newest();
        Map<String, Object> body = counts(now.connections(), now.sessions(), now.subscriptions(), now.retained());
        body.put("received_msg_rate", newest.map(Sample::receivedRate).orElse(0.0));
        body.put("sent_msg_rate", newest.map(Sample::sentRate).orElse(0.0));
        body.put("dropped_msg_rate", newest.map(Sample::droppedRate).orElse(0.0));
        Reading.Counters totals = now.totals();
        body.put("received", totals.received());
        body.put("sent", totals.sent());
        body.put("dropped", totals.dropped());
        body.put("gateways", new TreeMap<>(now.gateways()));
        return body;
    }

    private static Map<String, Object> sample(Sample s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time_stamp", s.timeMillis());
        body.putAll(counts(s.connections(), s.sessions(), s.subscriptions(), s.retained()));
        body.put("received", s.received());
        body.put("sent", s.sent());
        body.put("dropped", s.dropped());
        body.put("gateways", new TreeMap<>(s.gateways()));
        return body;
    }

    private static Map<String, Object> counts(long connections, long sessions, long subscriptions, long retained) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connections", connections);
        body.put("live_connections", connections);
        body.put("sessions", sessions);
        body.put("subscriptions", subscriptions);
        body.put("retained_msg_count", retained);
        return body;
    }

    private static Optional<Long> positive(String text) {
        try {
            long value = Long.parseLong(text.trim());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
