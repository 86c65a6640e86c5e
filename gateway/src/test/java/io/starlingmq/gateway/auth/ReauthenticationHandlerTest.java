package io.starlingmq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.starlingmq.gateway.mqtt.ConnectAuthorizer;
import io.starlingmq.gateway.mqtt.ReauthenticationHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The handler on its own: what it leaves alone and how it completes the CONNACK. */
class ReauthenticationHandlerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new ReauthenticationHandler(new ConnectAuthorizer()));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private static MqttConnectMessage connect(String authenticationMethod) {
        MqttProperties properties = new MqttProperties();
        if (authenticationMethod != null) {
            properties.add(new MqttProperties.StringProperty(MqttPropertyType.AUTHENTICATION_METHOD.value(),
                    authenticationMethod));
        }
        return MqttMessageBuilders.connect().clientId("dev-7").protocolVersion(MqttVersion.MQTT_5)
                .properties(properties).build();
    }

    private static MqttConnAckMessage connack(MqttConnectReturnCode code) {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.RECEIVE_MAXIMUM.value(), 64));
        return MqttMessageBuilders.connAck().returnCode(code).sessionPresent(true).properties(properties).build();
    }

    @Test
    void everyPacketButAuthPassesOnUntouched() {
        MqttConnectMessage connect = connect("JWT");
        MqttPublishMessage publish = MqttMessageBuilders.publish().topicName("devices/dev-7/t").qos(MqttQoS.AT_MOST_ONCE)
                .payload(Unpooled.wrappedBuffer(new byte[] {1})).build();

        channel.writeInbound(connect, publish);

        assertThat((Object) channel.readInbound()).isSameAs(connect);
        assertThat((Object) channel.readInbound()).isSameAs(publish);
        publish.release();
    }

    @Test
    @DisplayName("[MQTT-4.12.0-5] an accepting CONNACK repeats the CONNECT's Authentication Method, other properties kept")
    void acceptingConnackRepeatsTheMethod() {
        channel.writeInbound(connect("JWT"));
        channel.readInbound();

        channel.writeOutbound(connack(MqttConnectReturnCode.CONNECTION_ACCEPTED));
        MqttConnAckMessage sent = channel.readOutbound();

        assertThat(sent.variableHeader().isSessionPresent()).isTrue();
        assertThat(sent.variableHeader().connectReturnCode()).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        MqttProperties properties = sent.variableHeader().properties();
        assertThat(properties.getProperty(MqttPropertyType.AUTHENTICATION_METHOD.value()).value()).isEqualTo("JWT");
        assertThat(properties.getProperty(MqttPropertyType.RECEIVE_MAXIMUM.value()).value()).isEqualTo(64);
    }

    @Test
    void refusingConnackAndConnackWithoutEnhancedAuthenticationAreUntouched() {
        channel.writeInbound(connect("JWT"));
        channel.readInbound();
        MqttConnAckMessage refused = connack(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD);
        channel.writeOutbound(refused);
        assertThat((Object) channel.readOutbound()).isSameAs(refused);

        EmbeddedChannel plain = new EmbeddedChannel(new ReauthenticationHandler(new ConnectAuthorizer()));
        plain.writeInbound(connect(null));
        plain.readInbound();
        MqttConnAckMessage accepted = connack(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        plain.writeOutbound(accepted);
        assertThat((Object) plain.readOutbound()).isSameAs(accepted);
        plain.finishAndReleaseAll();
    }
}
