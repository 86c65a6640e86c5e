package io.starlingmq.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void rightPasswordVerifiesAndWrongOneDoesNot() {
        String stored = hasher.hash("s3cret");
        assertThat(hasher.verify("s3cret", stored)).isTrue();
        assertThat(hasher.verify("s3cret!", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertThat(hasher.hash("s3cret")).isNotEqualTo(hasher.hash("s3cret"));
    }

    @Test
    void storedHashKeepsItsOwnIterationCount() {
        String stored = new PasswordHasher(2000).hash("s3cret");
        assertThat(stored).startsWith("pbkdf2-sha256$2000$");
        assertThat(hasher.verify("s3cret", stored)).isTrue();
    }

    @Test
    void unknownSchemeNeverVerifies() {
        assertThat(hasher.verify("s3cret", "plain$s3cret")).isFalse();
    }
}
