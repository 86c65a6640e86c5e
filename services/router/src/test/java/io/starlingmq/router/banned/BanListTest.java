package io.starlingmq.router.banned;

import io.starlingmq.store.Ban;
import io.starlingmq.store.BanKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BanListTest {

    private static final long NOW = 1_700_000_000_000L;
    private final BanList list = new BanList();

    @Test
    void clientIdBanMatchesThatClientIdOnly() {
        list.put(ban(BanKind.CLIENT_ID, "rogue"));

        assertThat(list.matching("rogue", "", "10.0.0.1:4000", NOW)).isPresent();
        assertThat(list.matching("rogue-2", "", "10.0.0.1:4000", NOW)).isEmpty();
    }

    @Test
    void usernameBanMatchesAnyClientOfThatUserButNeverAnEmptyUsername() {
        list.put(ban(BanKind.USERNAME, "mallory"));

        assertThat(list.matching("a", "mallory", "", NOW)).isPresent();
        assertThat(list.matching("a", "alice", "", NOW)).isEmpty();
        assertThat(list.matching("a", "", "", NOW)).isEmpty();
    }

    @Test
    void hostBanMatchesTheAddressWhateverItsSpellingAndPort() {
        list.put(ban(BanKind.PEER_HOST, "::1"));
        list.put(ban(BanKind.PEER_HOST, "192.168.1.20"));

        assertThat(list.matching("a", "", "[0:0:0:0:0:0:0:1]:1883", NOW)).isPresent();
        assertThat(list.matching("a", "", "192.168.1.20:60000", NOW)).isPresent();
        assertThat(list.matching("a", "", "192.168.1.21:60000", NOW)).isEmpty();
    }

    @Test
    void networkBanMatchesAddressesInsideItsPrefix() {
        list.put(ban(BanKind.PEER_NETWORK, "10.8.0.0/13"));

        assertThat(list.matching("a", "", "10.15.255.255:1", NOW)).isPresent();
        assertThat(list.matching("a", "", "10.16.0.0:1", NOW)).isEmpty();
        assertThat(list.matching("a", "", "[fd00::1]:1", NOW)).isEmpty();
    }

    @Test
    void patternBanMatchesClientIdsContainingIt() {
        list.put(ban(BanKind.CLIENT_ID_PATTERN, "^bot-[0-9]+$"));

        assertThat(list.matching("bot-17", "", "", NOW)).isPresent();
        assertThat(list.matching("bot-x", "", "", NOW)).isEmpty();
    }

    @Test
    void lapsedBanMatchesNothingAndIsNotInForce() {
        Ban lapsed = new Ban(BanKind.CLIENT_ID, "rogue", "ops", "", NOW - 10_000, NOW - 1);
        list.put(lapsed);

        assertThat(list.matching("rogue", "", "", NOW)).isEmpty();
        assertThat(list.inForce(NOW)).isEmpty();

        list.dropLapsed(NOW);
        assertThat(list.size()).isZero();
    }

    @Test
    void liftedBanMatchesNoMore() {
        list.put(ban(BanKind.CLIENT_ID_PATTERN, "^bot-"));
        list.put(ban(BanKind.PEER_NETWORK, "10.0.0.0/8"));

        assertThat(list.remove(BanKind.CLIENT_ID_PATTERN, "^bot-")).isPresent();
        assertThat(list.remove(BanKind.CLIENT_ID_PATTERN, "^bot-")).isEmpty();

        assertThat(list.matching("bot-1", "", "192.168.0.1:1", NOW)).isEmpty();
        assertThat(list.matching("bot-1", "", "10.0.0.1:1", NOW)).isPresent();
    }

    @Test
    void malformedBanFromTheStoreIsLeftOut() {
        assertThat(list.put(ban(BanKind.CLIENT_ID_PATTERN, "(unclosed"))).isFalse();
        assertThat(list.put(ban(BanKind.PEER_HOST, "example.com"))).isFalse();

        assertThat(list.size()).isZero();
    }

    @Test
    void rulesNameWhatIsWrongWithABan() {
        assertThat(BanRules.problem(BanKind.PEER_HOST, "example.com")).hasValueSatisfying(
                problem -> assertThat(problem).contains("not an IP address"));
        assertThat(BanRules.problem(BanKind.PEER_NETWORK, "10.0.0.0/33")).isPresent();
        assertThat(BanRules.problem(BanKind.CLIENT_ID_PATTERN, "(")).hasValueSatisfying(
                problem -> assertThat(problem).contains("regular expression"));
        assertThat(BanRules.problem(BanKind.CLIENT_ID, "")).isPresent();
        assertThat(BanRules.problem(BanKind.PEER_NETWORK, "fd00::/8")).isEmpty();
    }

    private static Ban ban(BanKind kind, String who) {
        return new Ban(kind, who, "ops", "test", NOW - 1_000, Ban.FOREVER);
    }
}
