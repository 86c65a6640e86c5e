package io.starlingmq.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakRealmImportTest {

    @TempDir
    Path home;

    @Test
    void keepsTheDatabaseWhileTheRealmIsUnchangedAndDropsItWhenItChanges() throws Exception {
        Path realm = Files.writeString(home.resolve("starling-realm.json"), "{\"realm\":\"starling\"}");
        KeycloakRealmImport.prepare(home, realm);
        Path database = Files.createDirectories(home.resolve("data/h2")).resolve("keycloakdb.mv.db");
        Files.writeString(database, "users");

        KeycloakRealmImport.prepare(home, realm);
        assertThat(database).exists();
        assertThat(home.resolve("data/import/starling-realm.json")).hasContent("{\"realm\":\"starling\"}");

        Files.writeString(realm, "{\"realm\":\"starling\",\"enabled\":true}");
        KeycloakRealmImport.prepare(home, realm);
        assertThat(database).doesNotExist();
        assertThat(home.resolve("data/import/starling-realm.json")).hasContent("{\"realm\":\"starling\",\"enabled\":true}");
    }
}
