package io.starlingmq.ops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    @TempDir
    Path dir;

    @Test
    void aBootstrapFileGivesAdminKeysByDefaultAndViewerKeysWhenSaid() throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# comment\n\nops:s3cret\nwatch:look:viewer\n");
        ApiKeys keys = new ApiKeys();
        keys.load(file);
        assertThat(keys.verify("ops", "s3cret")).contains(Role.ADMIN);
        assertThat(keys.verify("watch", "look")).contains(Role.VIEWER);
        assertThat(keys.verify("ops", "wrong")).isEmpty();
        assertThat(keys.verify("nobody", "s3cret")).isEmpty();
    }

    @Test
    void aMalformedLineStopsTheStartNamingTheLine() throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "ops:s3cret\nonly-a-key\n");
        assertThatThrownBy(() -> new ApiKeys().load(file)).hasMessageContaining("line 2")
                .hasMessageContaining("key:secret");
        Files.writeString(file, "ops:s3cret:superuser\n");
        assertThatThrownBy(() -> new ApiKeys().load(file)).hasMessageContaining("line 1")
                .hasMessageContaining("admin or viewer");
    }
}
