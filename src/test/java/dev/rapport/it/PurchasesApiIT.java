package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shop reports purchases over HTTP: bearer token, one object or a batch, errors that name the field. */
class PurchasesApiIT {

    static final String TOKEN = "shop-token-0123456789";
    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start(Map.of("RAPPORT_API_TOKEN", TOKEN));
        rapport.database
                .jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO customers (external_id, name) VALUES ('K1', 'Kim'), ('K2', 'Lee')"));
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    private static HttpResponse<String> post(String json, String token) {
        var request = HttpRequest.newBuilder(URI.create(rapport.url("/api/purchases")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return rapport.send(request.build());
    }

    @Test
    void aWrongOrMissingTokenIsRefused() {
        String body = """
                {"external_id": "T1", "customer_external_id": "K1", "amount": 10, "purchased_at": "2025-05-01T10:00:00Z"}""";
        assertThat(post(body, "wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(rapport.count("SELECT count(*) FROM purchases WHERE external_id = 'T1'"))
                .isZero();
    }

    @Test
    void oneObjectIsStoredOnceHoweverOftenItIsSent() {
        String body = """
                {"external_id": "A1", "customer_external_id": "K1", "amount": "129.90", "margin": 30,
                 "currency": "cny", "purchased_at": "2025-05-01T10:00:00+08:00"}""";
        var first = post(body, TOKEN);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"created\":1");
        var again = post(body, TOKEN);
        assertThat(again.body()).contains("\"created\":0").contains("\"unchanged\":1");
        assertThat(rapport.count("SELECT count(*) FROM purchases WHERE external_id = 'A1' AND currency = 'CNY'"))
                .isEqualTo(1);
        assertThat(
                        rapport.count(
                                "SELECT count(*) FROM events WHERE type = 'customer.purchased' AND data ->> 'external_id' = 'A1'"))
                .as("the purchase is an event once")
                .isEqualTo(1);
    }

    @Test
    void aBatchIsTakenWholeOrNotAtAllAndAnErrorNamesIndexAndField() {
        var bad = post("""
                [{"external_id": "B1", "customer_external_id": "K1", "amount": 5, "purchased_at": "2025-05-01"},
                 {"external_id": "B2", "customer_external_id": "K2", "amount": -5, "purchased_at": "2025-05-01"}]""", TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("field '[1].amount'").contains("negative");
        assertThat(rapport.count("SELECT count(*) FROM purchases WHERE external_id IN ('B1', 'B2')"))
                .isZero();

        var unknown = post("""
                [{"external_id": "B1", "customer_external_id": "K1", "amount": 5, "purchased_at": "2025-05-01"},
                 {"external_id": "B3", "customer_external_id": "NOPE", "amount": 5, "purchased_at": "2025-05-01"}]""", TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("field '[1].customer_external_id'").contains("NOPE");

        var good = post("""
                [{"external_id": "B1", "customer_external_id": "K1", "amount": 5, "purchased_at": "2025-05-01"},
                 {"external_id": "B2", "customer_external_id": "K2", "amount": 7.5, "purchased_at": "2025-05-02 12:00"}]""", TOKEN);
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).contains("\"received\":2").contains("\"created\":2");
        assertThat(rapport.count("SELECT count(*) FROM purchases WHERE external_id IN ('B1', 'B2')"))
                .isEqualTo(2);
    }

    @Test
    void invalidBodiesNameTheField() {
        assertThat(post("""
                {"external_id": "C1", "customer_external_id": "K1", "amount": 5}""", TOKEN).body()).contains("field 'purchased_at'").contains("required");
        assertThat(post("""
                {"external_id": "C1", "customer_external_id": "K1", "amount": 5, "purchased_at": "soon"}""", TOKEN).body()).contains("field 'purchased_at'").contains("ISO 8601");
        assertThat(post("""
                {"external_id": "C1", "customer": "K1", "amount": 5, "purchased_at": "2025-05-01"}""", TOKEN).body()).contains("field 'customer': unknown");
        assertThat(post("[]", TOKEN).body()).contains("empty");
        assertThat(post("[1]", TOKEN).body()).contains("[0]: expected a JSON object");
        assertThat(post("[1]", TOKEN).statusCode()).isEqualTo(400);
    }
}
