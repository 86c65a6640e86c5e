package io.starlingmq.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.starlingmq.gateway.server.WebSocketUpgradeGuard;
import org.junit.jupiter.api.Test;

/** Only GET upgrades to the MQTT path offering the mqtt subprotocol get past the guard. */
class WebSocketUpgradeGuardTest {

    @Test
    void anUpgradeToTheMqttPathOfferingMqttPassesThrough() {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocketUpgradeGuard("/mqtt"));
        FullHttpRequest request = upgrade("/mqtt", "mqttv3.1, mqtt");
        channel.writeInbound(request);
        FullHttpRequest passed = channel.readInbound();
        assertThat(passed).isSameAs(request);
        assertThat(channel.<Object>readOutbound()).isNull();
        passed.release();
    }

    @Test
    void aQueryStringDoesNotChangeThePath() {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocketUpgradeGuard("/mqtt"));
        FullHttpRequest request = upgrade("/mqtt?client=1", "mqtt");
        channel.writeInbound(request);
        FullHttpRequest passed = channel.readInbound();
        assertThat(passed).as("the upgrade passed on unchanged").isSameAs(request);
        assertThat(channel.<Object>readOutbound()).as("no refusal written").isNull();
        assertThat(channel.isOpen()).isTrue();
        passed.release();
    }

    @Test
    void anotherPathIsAnsweredNotFoundAndClosed() {
        assertRefused(upgrade("/ws", "mqtt"), HttpResponseStatus.NOT_FOUND);
    }

    @Test
    void aMissingOrWrongSubprotocolIsAnsweredBadRequestAndClosed() {
        assertRefused(upgrade("/mqtt", null), HttpResponseStatus.BAD_REQUEST);
        assertRefused(upgrade("/mqtt", "mqttv3.1, wamp"), HttpResponseStatus.BAD_REQUEST);
    }

    @Test
    void aPlainRequestWithoutUpgradeIsAnsweredBadRequest() {
        FullHttpRequest plain = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/mqtt");
        plain.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "mqtt");
        assertRefused(plain, HttpResponseStatus.BAD_REQUEST);
    }

    private static void assertRefused(FullHttpRequest request, HttpResponseStatus status) {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocketUpgradeGuard("/mqtt"));
        channel.writeInbound(request);
        assertThat(channel.<Object>readInbound()).isNull();
        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status()).isEqualTo(status);
        assertThat(channel.isOpen()).isFalse();
        assertThat(request.refCnt()).isZero();
        response.release();
    }

    private static FullHttpRequest upgrade(String uri, String subprotocols) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        request.headers().set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE)
                .set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13")
                .set(HttpHeaderNames.SEC_WEBSOCKET_KEY, "dGhlIHNhbXBsZSBub25jZQ==");
        if (subprotocols != null) {
            request.headers().set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, subprotocols);
        }
        return request;
    }
}
