package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys created through the API, stored in a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SecurityServers.class, restrictToAnnotatedClass = false)
class ApiKeyResourceTest {

    @Inject
    Pool pool;

    @Test
    void aCreatedKeyAuthenticatesWithItsRoleAndItsSecretIsShownOnlyOnce() {
        String name = uniqueName();
        JsonPath created = create(Map.of("name", name, "desc", "for a script", "role", "viewer"));
        assertThat(created.getString("api_key")).matches("[0-9a-f]{16}");
        assertThat(created.getString("api_secret")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.getString("expired_at")).isEqualTo("infinity");
        assertThat(created.getBoolean("enable")).isTrue();

        RequestSpecification asKey = given().auth().preemptive().basic(created.getString("api_key"), created.getString("api_secret"));
        asKey.when().get("/api/v5/nodes").then().statusCode(200);
        given().auth().preemptive().basic(created.getString("api_key"), created.getString("api_secret"))
                .when().delete("/api/v5/mqtt/retainer/message/x").then().statusCode(403);
        given().auth().preemptive().basic(created.getString("api_key"), "wrong" + created.getString("api_secret"))
                .when().get("/api/v5/nodes").then().statusCode(401);

        asAdmin().when().get("/api/v5/api_key/" + name).then().statusCode(200)
                .body("name", equalTo(name)).body("desc", equalTo("for a script")).body("role", equalTo("viewer"))
                .body("api_key", equalTo(created.getString("api_key"))).body("$", not(hasKey("api_secret")));
        asAdmin().when().get("/api/v5/api_key").then().statusCode(200)
                .body("name", hasItem(name)).body("api_secret", not(hasItem(created.getString("api_secret"))))
                .body("findAll { it.api_secret != null }.size()", equalTo(0));
    }

    @Test
    void theTableHoldsASaltedHashOfTheSecretNeverTheSecret() {
        String name = uniqueName();
        String secret = create(Map.of("name", name)).getString("api_secret");
        Row row = pool.preparedQuery("SELECT k::text AS whole, "
                + "secret_hash = sha256(secret_salt || convert_to($2, 'UTF8')) AS salted_hash, "
                + "secret_hash = sha256(convert_to($2, 'UTF8')) AS unsalted_hash "
                + "FROM ops.api_key k WHERE name = $1").execute(Tuple.of(name, secret))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertThat(row.getString("whole")).doesNotContain(secret);
        assertThat(row.getBoolean("salted_hash")).isTrue();
        assertThat(row.getBoolean("unsalted_hash")).isFalse();
    }

    @Test
    void aDisabledKeyIsRefusedWith401UntilEnabledAgain() {
        String name = uniqueName();
        JsonPath created = create(Map.of("name", name));
        RequestSpecification asKey = given().auth().preemptive().basic(created.getString("api_key"), created.getString("api_secret"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("enable", false)).when().put("/api/v5/api_key/" + name)
                .then().statusCode(200).body("enable", equalTo(false)).body("$", not(hasKey("api_secret")));
        asKey.when().get("/api/v5/nodes").then().statusCode(401);
        asAdmin().contentType(ContentType.JSON).body(Map.of("enable", true)).when().put("/api/v5/api_key/" + name)
                .then().statusCode(200);
        given().auth().preemptive().basic(created.getString("api_key"), created.getString("api_secret"))
                .when().get("/api/v5/nodes").then().statusCode(200);
    }

    @Test
    void aKeyPastItsExpiryIsRefusedWith401AndShownExpired() {
        String name = uniqueName();
        JsonPath created = create(Map.of("name", name, "expired_at", Instant.now().plus(Duration.ofDays(1)).toString()));
        assertThat(created.getBoolean("expired")).isFalse();
        given().auth().preemptive().basic(created.getString("api_key"), created.getString("api_secret"))
                .when().get("/api/v5/nodes").then().statusCode(200);

        String past = "2020-01-01T00:00:00Z";
        asAdmin().contentType(ContentType.JSON).body(Map.of("expired_at", past)).when().put("/api/v5/api_key/" + name)
                .then().statusCode(200).body("expired", equalTo(true)).body("expired_at", startsWith("2020-01-01T00:00"));
        given().auth().preemptive().basic(created.getString("api_key"), created.getString("api_secret"))
                .when().get("/api/v5/nodes").then().statusCode(401);
    }

    @Test
    void aDeletedKeyIsRefusedAtOnce() {
        String name = uniqueName();
        JsonPath created = create(Map.of("name", name));
        given().auth().preemptive().basic(created.getString("api_key"), created.getString("api_secret"))
                .when().get("/api/v5/nodes").then().statusCode(200);
        asAdmin().when().delete("/api/v5/api_key/" + name).then().statusCode(204);
        given().auth().preemptive().basic(created.getString("api_key"), created.getString("api_secret"))
                .when().get("/api/v5/nodes").then().statusCode(401);
        asAdmin().when().get("/api/v5/api_key/" + name).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        asAdmin().when().delete("/api/v5/api_key/" + name).then().statusCode(404);
    }

    @Test
    void aTakenNameIsABadRequestAsInEmqx() {
        String name = uniqueName();
        create(Map.of("name", name));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", name)).when().post("/api/v5/api_key")
                .then().statusCode(400).body("code", equalTo("BAD_REQUEST")).body("message", startsWith("name:"));
    }

    @Test
    void badFieldsAreRefusedWith400NamingTheField() {
        badField(Map.of("desc", "no name"), "name:");
        badField(Map.of("name", "1starts-with-a-digit"), "name:");
        badField(Map.of("name", uniqueName(), "role", "root"), "role:");
        badField(Map.of("name", uniqueName(), "enable", "yes"), "enable:");
        badField(Map.of("name", uniqueName(), "expired_at", "tomorrow"), "expired_at:");
        asAdmin().contentType(ContentType.JSON).body(Map.of("role", "root")).when().put("/api/v5/api_key/anything")
                .then().statusCode(400).body("message", startsWith("role:"));
    }

    @Test
    void onlyAdminsManageKeys() {
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .when().get("/api/v5/api_key").then().statusCode(403);
        given().auth().preemptive().basic(RouterProcess.VIEWER_KEY, RouterProcess.VIEWER_SECRET)
                .contentType(ContentType.JSON).body(Map.of("name", uniqueName())).when().post("/api/v5/api_key")
                .then().statusCode(403);
        given().when().get("/api/v5/api_key").then().statusCode(401);
    }

    static String uniqueName() {
        return "key-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonPath create(Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v5/api_key")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void badField(Map<String, Object> body, String field) {
        asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v5/api_key")
                .then().statusCode(400).body("code", equalTo("BAD_REQUEST")).body("message", startsWith(field));
    }

    static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(RouterProcess.ADMIN_KEY, RouterProcess.ADMIN_SECRET);
    }
}
