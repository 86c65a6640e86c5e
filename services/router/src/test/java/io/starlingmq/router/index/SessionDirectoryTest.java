package io.starlingmq.router.index;

import io.starlingmq.store.ClientConnect;
import io.starlingmq.store.ClientInfo;
import io.starlingmq.store.Holder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionDirectoryTest {

    private final SessionDirectory directory = new SessionDirectory();

    @Test
    void pagesWalkClientIdsInOrderWhateverTheOrderTheyCameIn() {
        for (String id : List.of("c", "a", "e", "b", "d")) {
            directory.put(id, new Holder("gw", 1), true, ClientInfo.UNKNOWN);
        }

        SessionDirectory.Page first = directory.page(null, 0, 2, listed -> true);
        SessionDirectory.Page afterB = directory.page("b", 0, 2, listed -> true);
        SessionDirectory.Page last = directory.page(null, 4, 2, listed -> true);

        assertThat(ids(first)).containsExactly("a", "b");
        assertThat(first.hasNext()).isTrue();
        assertThat(ids(afterB)).containsExactly("c", "d");
        assertThat(ids(last)).containsExactly("e");
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void aFilterAppliesBeforeSkippingAndCounting() {
        for (int i = 0; i < 10; i++) {
            directory.put("c" + i, i % 2 == 0 ? new Holder("gw", i) : null, true, ClientInfo.UNKNOWN);
        }

        SessionDirectory.Page online = directory.page(null, 2, 2, listed -> listed.entry().online());

        assertThat(ids(online)).containsExactly("c4", "c6");
        assertThat(online.hasNext()).isTrue();
    }

    @Test
    void pageThatEndsExactlyAtTheLastSessionHasNoNext() {
        directory.put("a", null, true, ClientInfo.UNKNOWN);
        directory.put("b", null, true, ClientInfo.UNKNOWN);

        assertThat(directory.page(null, 0, 2, listed -> true).hasNext()).isFalse();
    }

    @Test
    void removedSessionLeavesTheListingAndOfflineKeepsItsFactsWithTheDisconnectTime() {
        ClientInfo info = new ClientInfo(new ClientConnect("u", "10.0.0.1:1", 5, 30), false, 60, 1L, 2L, 0L);
        directory.put("a", new Holder("gw", 1), true, info);
        directory.put("b", new Holder("gw", 2), true, info);

        directory.remove("a");
        directory.offline("b", 99L);

        assertThat(ids(directory.page(null, 0, 10, listed -> true))).containsExactly("b");
        assertThat(directory.get("b").info()).isEqualTo(info.disconnected(99L));
        assertThat(directory.get("b").online()).isFalse();
    }

    private static List<String> ids(SessionDirectory.Page page) {
        return page.sessions().stream().map(SessionDirectory.Listed::clientId).toList();
    }
}
