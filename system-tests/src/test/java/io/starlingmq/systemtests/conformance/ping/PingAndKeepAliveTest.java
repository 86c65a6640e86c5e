package io.starlingmq.systemtests.conformance.ping;

import io.starlingmq.systemtests.conformance.ConformanceTest;
import io.starlingmq.testing.mqtt.MqttPackets;
import io.starlingmq.testing.mqtt.RawMqttClient;
import io.starlingmq.testing.mqtt.ReceivedPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** 3.12 PINGREQ / 3.13 PINGRESP and 3.1.2.10 Keep Alive (MQTT 5.0). */
class PingAndKeepAliveTest extends ConformanceTest {

    @Test
    @DisplayName("[MQTT-3.12.4-1] a PINGREQ is answered with PINGRESP")
    void pingreqIsAnsweredWithPingresp() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("ping"));
        client.send(MqttPackets.pingreq());
        ReceivedPacket pingresp = client.read();
        assertThat(pingresp.type()).isEqualTo(ReceivedPacket.PINGRESP);
        assertThat(pingresp.flags()).isZero();
        assertThat(pingresp.body()).isEmpty();
    }

    @Test
    @DisplayName("[MQTT-2.1.3-1] a PINGREQ with reserved flags set is malformed: DISCONNECT 0x81")
    void pingreqWithFlagsIsMalformed() throws Exception {
        RawMqttClient client = rawConnected(V5, clientId("flags"));
        client.send(new byte[] {(byte) 0xC1, 0x00});
        assertDisconnectedWith(client, 0x81);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-22] silence past one and a half times the Keep Alive ends the connection: DISCONNECT 0x8D")
    void silencePastTheKeepAliveEndsTheConnection() throws Exception {
        RawMqttClient client = rawConnected(V5, MqttPackets.connect(V5, clientId("silent"), 1));
        assertDisconnectedWith(client, 0x8D);
    }

    @Test
    @DisplayName("[MQTT-3.1.2-20] [MQTT-3.1.2-22] PINGREQs within the Keep Alive keep the connection open")
    void pingsWithinTheKeepAliveKeepTheConnectionOpen() throws Exception {
        RawMqttClient client = rawConnected(V5, MqttPackets.connect(V5, clientId("alive"), 1));
        for (int i = 0; i < 8; i++) {
            // Half the keep alive between pings: the connection is never idle for 1.5 of it.
            TimeUnit.MILLISECONDS.sleep(500);
            assertThat(client.pingAnswered()).as("PINGRESP to ping %d", i + 1).isTrue();
        }
    }
}
