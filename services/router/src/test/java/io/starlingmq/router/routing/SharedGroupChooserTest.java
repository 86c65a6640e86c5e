package io.starlingmq.router.routing;

import io.starlingmq.router.index.Matches;
import io.starlingmq.router.index.SessionDirectory;
import io.starlingmq.store.ClientInfo;
import io.starlingmq.store.Holder;
import io.starlingmq.store.Subscription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SharedGroupChooserTest {

    private static final String GROUP = "$share/g/t";
    private final SessionDirectory directory = new SessionDirectory();

    private static Matches.Member member(String clientId) {
        return new Matches.Member(clientId, Subscription.of(GROUP, 1));
    }

    private final List<Matches.Member> members = List.of(member("c"), member("a"), member("b"));

    private void online(String... clientIds) {
        for (String clientId : clientIds) {
            directory.put(clientId, new Holder("gw", clientId.hashCode()), false, ClientInfo.UNKNOWN);
        }
    }

    private List<String> choices(SharedGroupChooser chooser, int count, String publisher) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(chooser.choose(GROUP, members, publisher, null).clientId());
        }
        return chosen;
    }

    @Test
    void roundRobinGivesEveryOnlineMemberItsTurn() {
        online("a", "b", "c");
        SharedGroupChooser chooser = new SharedGroupChooser(SharedSubscriptionStrategy.ROUND_ROBIN, directory);

        List<String> chosen = choices(chooser, 6, "pub");

        assertThat(chosen.subList(0, 3)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(chosen.subList(3, 6)).containsExactlyElementsOf(chosen.subList(0, 3));
    }

    @Test
    void hashOfTheClientIdKeepsOnePublisherOnOneMember() {
        online("a", "b", "c");
        SharedGroupChooser chooser = new SharedGroupChooser(SharedSubscriptionStrategy.HASH_CLIENTID, directory);

        assertThat(new HashSet<>(choices(chooser, 10, "publisher-1"))).hasSize(1);
    }

    @Test
    void randomOnlyEverChoosesEligibleMembers() {
        online("a", "c");
        SharedGroupChooser chooser = new SharedGroupChooser(SharedSubscriptionStrategy.RANDOM, directory);

        Set<String> chosen = new HashSet<>(choices(chooser, 50, "pub"));

        assertThat(chosen).isSubsetOf("a", "c");
    }

    @Test
    void onlineMembersComeBeforeOfflinePersistentOnesAndUnknownSessionsAreSkipped() {
        directory.put("a", null, true, ClientInfo.UNKNOWN);
        online("b");
        SharedGroupChooser chooser = new SharedGroupChooser(SharedSubscriptionStrategy.ROUND_ROBIN, directory);

        assertThat(choices(chooser, 4, "pub")).containsOnly("b");
        directory.offline("b", 0);
        directory.put("b", null, false, ClientInfo.UNKNOWN);
        assertThat(choices(chooser, 2, "pub")).as("only a persistent offline member can hold a message")
                .containsOnly("a");
    }

    @Test
    void theLeavingMemberIsNeverChosenAndNobodyLeftMeansNull() {
        online("a", "b");
        SharedGroupChooser chooser = new SharedGroupChooser(SharedSubscriptionStrategy.ROUND_ROBIN, directory);

        for (int i = 0; i < 4; i++) {
            assertThat(chooser.choose(GROUP, members, "pub", "a").clientId()).isEqualTo("b");
        }
        assertThat(chooser.choose(GROUP, List.of(member("a")), "pub", "a")).isNull();
    }
}
