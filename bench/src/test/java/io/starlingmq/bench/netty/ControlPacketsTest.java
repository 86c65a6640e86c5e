package io.starlingmq.bench.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.starlingmq.bench.client.Credentials;
import io.starlingmq.bench.client.Endpoint;
import io.starlingmq.bench.client.MqttVersion;
import org.junit.jupiter.api.Test;

/**
 * Our CONNECT as bytes on the wire, and what we read from the broker's CONNACK and DISCONNECT bytes: the
 * packets go through Netty's encoder and decoder as in the client's pipeline, so the version the encoder
 * records from CONNECT is the one the decoder reads with.
 */
class ControlPacketsTest {

    private static final Endpoint ENDPOINT = new Endpoint("127.0.0.1", 1883, null);

    private static EmbeddedChannel pipeline() {
        return new EmbeddedChannel(new MqttDecoder(1 << 20), MqttEncoder.INSTANCE);
    }

    private static String written(EmbeddedChannel channel, Object message) {
        channel.writeOutbound(message);
        ByteBuf buf = Unpooled.buffer();
        for (ByteBuf part; (part = channel.readOutbound()) != null; part.release()) {
            buf.writeBytes(part);
        }
        return ByteBufUtil.hexDump(buf);
    }

    @Test
    void mqtt5CleanConnectAnnouncesNoPropertiesButAKeepAliveOf60() {
        NettyClientSpec spec = NettyClientSpec.of(MqttVersion.V5, "c1", ENDPOINT, null, null);
        String hex = written(pipeline(), ControlPackets.connect(spec, false));
        // 0x10 CONNECT, remaining 15: "MQTT", level 5, flags 0x02 (clean start), keep-alive 60, properties 0, id "c1".
        assertThat(hex).isEqualTo("10" + "0f" + "00044d515454" + "05" + "02" + "003c" + "00" + "00026331");
    }

    @Test
    void persistentConnectWithReceiveMaximumAndCredentialsCarriesThemAll() {
        NettyClientSpec spec = new NettyClientSpec(MqttVersion.V5, "c1", ENDPOINT, null, Credentials.of("u", "p"), 32, 0);
        String hex = written(pipeline(), ControlPackets.connect(spec, true));
        // flags 0xC0: username and password, no clean start; properties: expiry 0x11 = 3600, receive maximum 0x21 = 32.
        assertThat(hex).contains("05" + "c0" + "003c");
        assertThat(hex).contains("11" + "00000e10").contains("21" + "0020");
        assertThat(hex).endsWith("00026331" + "000175" + "000170");
    }

    @Test
    void mqtt311ConnectHasNoPropertySection() {
        NettyClientSpec spec = NettyClientSpec.of(MqttVersion.V311, "c1", ENDPOINT, null, null);
        assertThat(written(pipeline(), ControlPackets.connect(spec, false)))
                .isEqualTo("10" + "0e" + "00044d515454" + "04" + "02" + "003c" + "00026331");
    }

    /** A channel whose encoder has seen an MQTT 5 CONNECT, so its decoder reads 5.0 packets. */
    private static EmbeddedChannel mqtt5Channel() {
        EmbeddedChannel channel = pipeline();
        written(channel, ControlPackets.connect(NettyClientSpec.of(MqttVersion.V5, "c", ENDPOINT, null, null), false));
        return channel;
    }

    private static <T> T read(EmbeddedChannel channel, String hex) {
        channel.writeInbound(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex)));
        return channel.readInbound();
    }

    @Test
    void connackReceiveMaximumAndServerKeepAliveAreRead() {
        // CONNACK, session present 0, reason 0, properties (6): receive maximum 20, server keep alive 30.
        MqttConnAckMessage connack = read(mqtt5Channel(), "20" + "09" + "00" + "00" + "06" + "210014" + "13001e");
        ServerGrant grant = ServerGrant.of(connack);
        assertThat(grant.accepted()).isTrue();
        assertThat(grant.receiveMaximum()).isEqualTo(20);
        assertThat(grant.serverKeepAlive()).isEqualTo(30);
    }

    @Test
    void connackWithoutPropertiesGrantsTheProtocolDefaults() {
        ServerGrant grant = ServerGrant.of(read(mqtt5Channel(), "20" + "03" + "01" + "00" + "00"));
        assertThat(grant.sessionPresent()).isTrue();
        assertThat(grant.receiveMaximum()).isEqualTo(65_535);
        assertThat(grant.serverKeepAlive()).isEqualTo(ServerGrant.NO_SERVER_KEEP_ALIVE);
    }

    @Test
    void refusedConnackKeepsItsReasonCode() {
        ServerGrant grant = ServerGrant.of(read(mqtt5Channel(), "20" + "03" + "00" + "89" + "00"));
        assertThat(grant.accepted()).isFalse();
        assertThat(grant.reasonCode()).isEqualTo(0x89);
    }

    @Test
    void disconnectReasonCodeIsRead() {
        MqttMessage busy = read(mqtt5Channel(), "e0" + "02" + "89" + "00");
        assertThat(ControlPackets.disconnectReason(busy)).isEqualTo(0x89);
    }

    @Test
    void disconnectWithoutReasonIsNormal() {
        assertThat(ControlPackets.disconnectReason(read(mqtt5Channel(), "e0" + "00"))).isZero();
        assertThat(ControlPackets.disconnectReason(read(pipeline(), "e0" + "00"))).isZero();
    }

    @Test
    void ourDisconnectIsNormalInBothVersions() {
        assertThat(written(mqtt5Channel(), ControlPackets.disconnect(true))).startsWith("e0");
        assertThat(written(pipeline(), ControlPackets.disconnect(false))).isEqualTo("e000");
    }

    @Test
    void subscribeAsksForTheQosOfItsOneFilter() {
        String hex = written(mqtt5Channel(), ControlPackets.subscribe(5, "a/#", 1));
        // 0x82 SUBSCRIBE, id 5, properties 0, filter "a/#", options 0x01 (QoS 1).
        assertThat(hex).isEqualTo("82" + "09" + "0005" + "00" + "0003612f23" + "01");
    }
}
