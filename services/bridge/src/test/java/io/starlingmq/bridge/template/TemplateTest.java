package io.starlingmq.bridge.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Set<String> ROOTS = Set.of("topic", "payload");
    private static final Set<String> PATHS = Set.of("payload", "headers");

    private static Variables variables(Map<String, String> values, byte[] payload) {
        return new Variables() {
            @Override
            public String text(String root, String path) {
                String value = values.get(path.isEmpty() ? root : root + "." + path);
                if (value == null) {
                    throw new TemplateException("no " + root + "." + path);
                }
                return value;
            }

            @Override
            public byte[] bytes(String root, String path) {
                return root.equals("payload") && path.isEmpty() ? payload : Variables.super.bytes(root, path);
            }
        };
    }

    @Test
    void literalTextAndVariablesAreJoinedInOrder() {
        Template template = Template.parse("site/${topic}/${payload.id}!", ROOTS, PATHS);
        assertThat(template.render(variables(Map.of("topic", "t/1", "payload.id", "42"), new byte[0])))
                .isEqualTo("site/t/1/42!");
    }

    @Test
    void aTemplateOfOneVariablePassesItsBytesThroughUnchanged() {
        byte[] binary = {(byte) 0xff, 0, (byte) 0xfe};
        assertThat(Template.parse("${payload}", ROOTS, PATHS).renderBytes(variables(Map.of(), binary)))
                .isEqualTo(binary);
        assertThat(Template.parse("x${topic}", ROOTS, PATHS).renderBytes(variables(Map.of("topic", "é"), binary)))
                .isEqualTo("xé".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownVariableIsRefusedWhenTheRuleIsReadNamingWhatIsKnown() {
        assertThatThrownBy(() -> Template.parse("${clientId}", ROOTS, PATHS))
                .hasMessageContaining("unknown variable ${clientId}").hasMessageContaining("payload.<path>");
    }

    @Test
    void malformedVariablesAreRefused() {
        assertThatThrownBy(() -> Template.parse("a/${topic", ROOTS, PATHS)).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> Template.parse("${topic.x.}", Set.of("topic"), Set.of()))
                .hasMessageContaining("takes no path");
        assertThatThrownBy(() -> Template.parse("${headers}", ROOTS, PATHS)).hasMessageContaining("needs a path");
        assertThatThrownBy(() -> Template.parse("${payload.}", ROOTS, PATHS)).hasMessageContaining("path is empty");
    }

    @Test
    void aTextWithoutVariablesIsItself() {
        assertThat(Template.parse("plain", ROOTS, PATHS).render(variables(Map.of(), new byte[0]))).isEqualTo("plain");
        assertThat(Template.parse("", ROOTS, PATHS).render(variables(Map.of(), new byte[0]))).isEmpty();
    }
}
