package io.starlingmq.bridge.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static JsonFields json(String text) {
        return new JsonFields(text.getBytes(StandardCharsets.UTF_8), "payload");
    }

    @Test
    void aStringFieldGivesItsTextAndAnyOtherValueItsJson() {
        JsonFields fields = json("{\"device\":{\"id\":\"d-1\",\"temp\":21.5},\"tags\":[\"a\",{\"b\":true}]}");
        assertThat(fields.field("device.id")).isEqualTo("d-1");
        assertThat(fields.field("device.temp")).isEqualTo("21.5");
        assertThat(fields.field("tags.1.b")).isEqualTo("true");
        assertThat(fields.field("device")).isEqualTo("{\"id\":\"d-1\",\"temp\":21.5}");
    }

    @Test
    void aMissingFieldOrAPayloadThatIsNotJsonIsARenderingFailureWithTheReason() {
        assertThatThrownBy(() -> json("{\"a\":1}").field("b")).isInstanceOf(TemplateException.class)
                .hasMessage("the payload has no JSON field b");
        assertThatThrownBy(() -> json("not json").field("a")).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("the payload is not JSON");
        assertThatThrownBy(() -> json("").field("a")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("empty");
    }
}
