package io.starlingmq.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard the build put into the app: served at / without a key, every asset from ops itself. */
@QuarkusTest
@QuarkusTestResource(value = RouterProcess.class, restrictToAnnotatedClass = false)
class DashboardTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void theIndexAndEveryAssetItNamesComeFromOps() {
        String index = given().when().get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        List<String> assets = ASSET.matcher(index).results().map(m -> m.group(1))
                .filter(a -> !a.startsWith("data:")).toList();
        assertThat(assets).as("a script and a style sheet").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(a -> assertThat(a).as("no CDN: a path on ops").startsWith("/assets/"));
        for (String asset : assets) {
            given().when().get(asset).then().statusCode(200);
        }
    }

    @Test
    void theScriptCallsTheApiItIsServedBeside() {
        String index = given().when().get("/").then().statusCode(200).extract().asString();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertThat(script.find()).isTrue();
        String code = given().when().get(script.group(1)).then().statusCode(200).extract().asString();
        assertThat(code).contains("/api/v5").doesNotContain("https://");
    }

    @Test
    void theLoginMethodsNeedNoKeyAndNameTheIssuerAndThePublicClient() {
        given().when().get("/api/v5/dashboard/config")
                .then().statusCode(200)
                .body("api_key", equalTo(true))
                .body("oidc.issuer", endsWith("/realms/starling"))
                .body("oidc.client_id", equalTo("ops"))
                .body("oidc.size()", equalTo(2));
    }
}
