package io.starlingmq.bench.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void cpuTimeIsUserPlusSystemTicksEvenWhenTheNameHasSpacesAndParentheses() {
        String stat = "1234 (my (odd) proc) S 1 1234 1234 0 -1 4194304 500 0 0 0 250 50 0 0 20 0 12 0 100 1000000 2000 "
                + "18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";
        assertThat(ProcStat.cpuNanos(stat)).isEqualTo(300 * 10_000_000L);
    }

    @Test
    void rssIsReadFromVmRssInKilobytes() {
        String status = "Name:\tjava\nVmPeak:\t  999 kB\nVmRSS:\t   2048 kB\nThreads:\t12\n";
        assertThat(ProcStat.rssBytes(status)).isEqualTo(2048 * 1024L);
    }

    @Test
    void ownProcessHasCpuTimeAndResidentMemory() {
        long pid = ProcessHandle.current().pid();
        assertThat(ProcStat.rssBytes(pid).orElse(0)).isPositive();
        assertThat(ProcStat.cpuNanos(pid)).isPresent();
    }

    @Test
    void heapInfoUsedFigureIsParsed() {
        String info = "12345:\n garbage-first heap   total 262144K, used 10240K [0x0000000700000000, 0x0000000800000000)\n";
        assertThat(JvmHeap.parseUsed(info)).hasValue(10240 * 1024L);
        String jdk25 = "21794:\ngarbage-first heap   total reserved 6172672K, committed 12288K, used 3877K [0x0, 0x1)\n"
                + " region size 4096K, 1 young (4096K), 0 survivors (0K)\n";
        assertThat(JvmHeap.parseUsed(jdk25)).hasValue(3877 * 1024L);
    }

    @Test
    void mosquittoConfigMatchesStarlingDefaultsAndListensOnTheGivenPort() {
        String config = MosquittoBroker.matchedConfig(41234);
        assertThat(config).contains("listener 41234 127.0.0.1", "allow_anonymous true", "persistence false",
                "max_inflight_messages 32", "max_queued_messages 1000", "set_tcp_nodelay true");
    }

    @Test
    void mosquittoDefaultsConfigIsAListenerAndAnonymousAccessOnly() {
        // Issue #14: Mosquitto as Debian ships it; any other line would change one of its defaults.
        assertThat(MosquittoBroker.defaultsConfig(41234).lines().toList())
                .containsExactly("listener 41234 127.0.0.1", "allow_anonymous true");
    }

    @Test
    void listenOverflowsAreReadByFieldNameFromTheTcpExtLines() {
        String netstat = "TcpExt: SyncookiesSent ListenOverflows ListenDrops\nTcpExt: 3 1581 1600\n"
                + "IpExt: InNoRoutes\nIpExt: 0\n";
        assertThat(ListenOverflows.parse(netstat)).hasValue(1581);
        assertThat(ListenOverflows.parse("IpExt: InNoRoutes\nIpExt: 0\n")).isEmpty();
    }
}
