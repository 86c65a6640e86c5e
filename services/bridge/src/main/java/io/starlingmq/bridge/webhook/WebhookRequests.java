package io.starlingmq.bridge.webhook;

import io.starlingmq.bridge.mqtt.InboundMessage;
import io.starlingmq.bridge.mqtt.MessageJson;
import io.starlingmq.bridge.mqtt.MessageVariables;
import io.starlingmq.bridge.mqtt.PoisonMessageException;
import io.starlingmq.bridge.template.Template;
import io.starlingmq.bridge.template.TemplateException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;

/** Turns a message into its rule's POST request; a message its templates cannot render is a dead letter. */
final class WebhookRequests {

    private final WebhookRule rule;
    private final boolean plainHttp;

    WebhookRequests(WebhookRule rule) {
        this.rule = rule;
        this.plainHttp = rule.url().getScheme().equalsIgnoreCase("http");
    }

    HttpRequest build(InboundMessage message) {
        MessageVariables variables = new MessageVariables(message);
        try {
            byte[] body = rule.body().map(template -> template.renderBytes(variables))
                    .orElseGet(() -> MessageJson.bytes(message));
            HttpRequest.Builder request = HttpRequest.newBuilder(rule.url())
                    .timeout(rule.timeout())
                    .header("Content-Type", rule.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (plainHttp) {
                // Over cleartext the client would otherwise offer an h2c upgrade with every POST, which some
                // servers and proxies mishandle; over TLS, HTTP/2 is negotiated (ALPN) or not, safely.
                request.version(HttpClient.Version.HTTP_1_1);
            }
            for (Map.Entry<String, Template> header : rule.headers().entrySet()) {
                request.header(header.getKey(), header.getValue().render(variables));
            }
            return request.build();
        } catch (TemplateException e) {
            throw new PoisonMessageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            // A rendered header value with a line break or other character HTTP forbids.
            throw new PoisonMessageException("not a valid HTTP request: " + e.getMessage());
        }
    }
}
