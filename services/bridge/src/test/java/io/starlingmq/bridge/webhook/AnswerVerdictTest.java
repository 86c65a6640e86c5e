package io.starlingmq.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerVerdictTest {

    @Test
    void twoHundredsDeliver() {
        assertThat(AnswerVerdict.of(200)).isEqualTo(AnswerVerdict.DELIVERED);
        assertThat(AnswerVerdict.of(204)).isEqualTo(AnswerVerdict.DELIVERED);
        assertThat(AnswerVerdict.of(299)).isEqualTo(AnswerVerdict.DELIVERED);
    }

    @Test
    void timeoutsRateLimitsAndServerErrorsAreRetried() {
        assertThat(AnswerVerdict.of(408)).isEqualTo(AnswerVerdict.RETRY);
        assertThat(AnswerVerdict.of(429)).isEqualTo(AnswerVerdict.RETRY);
        assertThat(AnswerVerdict.of(500)).isEqualTo(AnswerVerdict.RETRY);
        assertThat(AnswerVerdict.of(503)).isEqualTo(AnswerVerdict.RETRY);
    }

    @Test
    void otherClientErrorsAndRedirectsAreDeadLetters() {
        assertThat(AnswerVerdict.of(400)).isEqualTo(AnswerVerdict.DEAD_LETTER);
        assertThat(AnswerVerdict.of(404)).isEqualTo(AnswerVerdict.DEAD_LETTER);
        assertThat(AnswerVerdict.of(413)).isEqualTo(AnswerVerdict.DEAD_LETTER);
        assertThat(AnswerVerdict.of(302)).isEqualTo(AnswerVerdict.DEAD_LETTER);
    }
}
