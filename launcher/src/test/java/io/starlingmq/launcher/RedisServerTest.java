package io.starlingmq.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real redis-server (Debian package redis-server). */
class RedisServerTest {

    @TempDir
    Path dir;

    @Test
    void answersOnItsPortUntilClosed() throws Exception {
        int port = FreePort.find();
        RedisServer redis = RedisServer.start(port, dir, RedisPersistence.NONE, dir.resolve("redis.log"),
                ProcessSession.SHARED);
        try {
            assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + port);
            assertThat(RedisCommand.pong(port)).isTrue();
            redis.flushAll();
        } finally {
            redis.close();
        }
        assertThat(redis.process().isAlive()).isFalse();
        assertThat(RedisCommand.pong(port)).isFalse();
    }

    @Test
    void appendOnlyKeepsItsFileInTheGivenDirectory() throws Exception {
        try (RedisServer redis = RedisServer.start(FreePort.find(), dir.resolve("data"),
                RedisPersistence.APPEND_ONLY_EVERY_SECOND, dir.resolve("redis.log"), ProcessSession.SHARED)) {
            try (Stream<Path> files = Files.list(dir.resolve("data"))) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("appendonly"));
            }
        }
    }
}
