package io.starlingmq.router.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.starlingmq.contract.link.v1.Message;
import org.junit.jupiter.api.Test;

class RetainedIndexTest {

    private static Message retained(String topic, String payload) {
        return Message.newBuilder().setTopic(topic).setPayload(ByteString.copyFromUtf8(payload)).setRetain(true).build();
    }

    @Test
    void anEmptyPayloadClearsTheTopicAndTheCountFollowsEveryChange() {
        RetainedIndex index = new RetainedIndex();
        index.set(retained("a/1", "x"));
        index.set(retained("a/1", "y"));
        index.set(retained("a/2", "z"));
        assertThat(index.size()).isEqualTo(2);
        index.set(retained("a/1", ""));
        index.set(retained("a/9", ""));
        assertThat(index.size()).isEqualTo(1);
        index.drop(retained("a/2", "not the one retained"));
        assertThat(index.size()).isEqualTo(1);
        index.drop(retained("a/2", "z"));
        index.clear("a/2");
        assertThat(index.size()).isZero();
        assertThat(index.get("a/2")).isEmpty();
    }

    @Test
    void pagesFollowTopicOrder() {
        RetainedIndex index = new RetainedIndex();
        for (String topic : new String[] {"c", "a", "d", "b", "e"}) {
            index.set(retained(topic, topic));
        }
        assertThat(index.page(0, 2)).extracting(Message::getTopic).containsExactly("a", "b");
        assertThat(index.page(2, 2)).extracting(Message::getTopic).containsExactly("c", "d");
        assertThat(index.page(4, 2)).extracting(Message::getTopic).containsExactly("e");
        assertThat(index.page(5, 2)).isEmpty();
        assertThat(index.matching("+")).hasSize(5);
        assertThat(index.get("c")).hasValueSatisfying(m -> assertThat(m.getPayload().toStringUtf8()).isEqualTo("c"));
    }
}
