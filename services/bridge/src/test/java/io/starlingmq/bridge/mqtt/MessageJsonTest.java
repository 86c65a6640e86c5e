package io.starlingmq.bridge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(InboundMessage message) throws Exception {
        return JSON.readTree(MessageJson.bytes(message));
    }

    @Test
    void aTextMessageIsCarriedWithEveryField() throws Exception {
        InboundMessage message = new InboundMessage("devices/d1/temp", "21.5 °C".getBytes(StandardCharsets.UTF_8), 1,
                true, "d1", Optional.of("text/plain"),
                List.of(new SimpleImmutableEntry<>("unit", "C"), new SimpleImmutableEntry<>("site", "a")), 1700L);
        JsonNode body = json(message);
        assertThat(body.fieldNames()).toIterable().containsExactly("topic", "payload", "payload_encoding", "clientid",
                "qos", "retain", "user_properties", "content_type", "timestamp");
        assertThat(body.get("topic").textValue()).isEqualTo("devices/d1/temp");
        assertThat(body.get("payload").textValue()).isEqualTo("21.5 °C");
        assertThat(body.get("payload_encoding").textValue()).isEqualTo("utf8");
        assertThat(body.get("clientid").textValue()).isEqualTo("d1");
        assertThat(body.get("qos").intValue()).isEqualTo(1);
        assertThat(body.get("retain").booleanValue()).isTrue();
        assertThat(body.get("user_properties").toString()).isEqualTo("{\"unit\":\"C\",\"site\":\"a\"}");
        assertThat(body.get("content_type").textValue()).isEqualTo("text/plain");
        assertThat(body.get("timestamp").longValue()).isEqualTo(1700L);
    }

    @Test
    void aPayloadThatIsNotUtf8IsBase64() throws Exception {
        byte[] binary = {(byte) 0xff, 0x00, (byte) 0xc3, 0x28};
        JsonNode body = json(new InboundMessage("t", binary, 2, false, "d", Optional.empty(), List.of(), 1L));
        assertThat(body.get("payload_encoding").textValue()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(body.get("payload").textValue())).isEqualTo(binary);
    }

    @Test
    void anUnknownPublisherIsEmptyAndAnAbsentContentTypeIsLeftOut() throws Exception {
        JsonNode body = json(new InboundMessage("t", new byte[0], 1, false, "", Optional.empty(), List.of(), 1L));
        assertThat(body.get("clientid").textValue()).isEmpty();
        assertThat(body.has("content_type")).isFalse();
        assertThat(body.get("payload").textValue()).isEmpty();
        assertThat(body.get("payload_encoding").textValue()).isEqualTo("utf8");
        assertThat(body.get("user_properties").isEmpty()).isTrue();
    }

    @Test
    void aRepeatedUserPropertyKeepsItsLastValue() throws Exception {
        JsonNode body = json(new InboundMessage("t", new byte[0], 1, false, "d", Optional.empty(),
                List.of(new SimpleImmutableEntry<>("k", "first"), new SimpleImmutableEntry<>("k", "second")), 1L));
        assertThat(body.get("user_properties").get("k").textValue()).isEqualTo("second");
    }
}
