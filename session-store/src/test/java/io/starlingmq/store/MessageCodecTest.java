package io.starlingmq.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageCodecTest {

    @Test
    void everyFieldSurvivesRoundTrip() {
        StoredMessage message = new StoredMessage("a/b", bytes("payload"), 2, true, "publisher-1", 1_234_567_890_123L,
                1, 3600, "text/plain", "reply/here", bytes("corr"),
                List.of(new StoredMessage.UserProperty("k1", "v1"), new StoredMessage.UserProperty("k1", "v2")));

        StoredMessage decoded = MessageCodec.decode(MessageCodec.encode(message));

        assertThat(decoded).usingRecursiveComparison().isEqualTo(message);
    }

    @Test
    void subscriptionFactsOfAQueuedDeliverySurviveRoundTrip() {
        StoredMessage message = StoredMessage.of("a/b", bytes("p"), 1, false, "pub")
                .addressed(1, true, List.of(1, 268_435_455), "$share/group/a/+");

        StoredMessage decoded = MessageCodec.decode(MessageCodec.encode(message));

        assertThat(decoded).usingRecursiveComparison().isEqualTo(message);
    }

    @Test
    void theExpiryDeadlineFollowsTheVersionByteForTheRedisFunctions() {
        StoredMessage message = new StoredMessage("t", bytes("x"), 1, false, "p", 1_000_000L, -1, 30, null, null,
                null, List.of());

        byte[] encoded = MessageCodec.encode(message);

        assertThat(encoded[0]).isEqualTo((byte) MessageCodec.VERSION);
        assertThat(java.nio.ByteBuffer.wrap(encoded, 1, 8).getLong()).isEqualTo(1_030_000L);
        assertThat(encoded[9]).as("not queued through a shared subscription").isZero();
        assertThat(MessageCodec.encode(message.addressed(1, false, List.of(), "$share/g/t"))[9]).isEqualTo((byte) 1);
    }

    @Test
    void version1EncodingsAreStillRead() {
        BinaryOut v1 = new BinaryOut().writeByte(1).writeString("old/topic").writeBytes(bytes("x")).writeByte(1)
                .writeBoolean(false).writeString("p").writeLong(5L).writeInt(-1).writeLong(-1).writeString(null)
                .writeString(null).writeBytes(null).writeInt(0);

        StoredMessage decoded = MessageCodec.decode(v1.toByteArray());

        assertThat(decoded.topic()).isEqualTo("old/topic");
        assertThat(decoded.subscriptionIds()).isEmpty();
        assertThat(decoded.sharedSubscription()).isNull();
    }

    @Test
    void absentOptionalFieldsStayAbsent() {
        StoredMessage message = new StoredMessage("t", new byte[0], 0, false, null, 0, -1, -1, null, null, null, null);

        StoredMessage decoded = MessageCodec.decode(MessageCodec.encode(message));

        assertThat(decoded).usingRecursiveComparison().isEqualTo(message);
        assertThat(decoded.publisher()).isNull();
        assertThat(decoded.correlationData()).isNull();
        assertThat(decoded.payload()).isEmpty();
    }

    @Test
    void truncatedEncodingIsRejected() {
        byte[] encoded = MessageCodec.encode(StoredMessage.of("t", bytes("x"), 1, false, "p"));

        assertThatThrownBy(() -> MessageCodec.decode(Arrays.copyOf(encoded, encoded.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] encoded = MessageCodec.encode(StoredMessage.of("t", bytes("x"), 1, false, "p"));
        encoded[0] = 99;

        assertThatThrownBy(() -> MessageCodec.decode(encoded)).hasMessageContaining("version 99");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
