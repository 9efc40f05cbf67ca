package dev.rapport.offer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.inbox.OutreachQueue;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaign job on an injected clock: quiet hours in the customer's zone, else the business's. */
class CampaignSendsClockIT {

    Database database;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long customer(String chat, String zone) {
        return database.jdbi().inTransaction(handle -> {
            long id = handle.createQuery(
                            "INSERT INTO customers (name, tier, time_zone) VALUES ('Ada', 'ordinary', :zone) "
                                    + "RETURNING id")
                    .bind("zone", zone)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO channel_accounts (channel, chat_key, customer_id) VALUES ('telegram', ?, ?)",
                    chat,
                    id);
            handle.execute(
                    "INSERT INTO offer_sends (offer_id, customer_id, tier, due_at) VALUES ('spring_sale', ?, "
                            + "'ordinary', '2027-03-01T00:00:00Z')",
                    id);
            return id;
        });
    }

    private void runAt(String instant) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        ZoneId business = ZoneId.of("Europe/London");
        var offers = new Offers(OfferSettings.load(OfferFeature.SETTINGS), business, clock);
        new CampaignSends(database.jdbi(), offers, new OutreachQueue(), business, clock).run();
    }

    private String status(long customer) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT status || ' ' || to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI') FROM offer_sends "
                                        + "WHERE customer_id = :id")
                        .bind("id", customer)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void aSendDueInsideQuietHoursWaitsUntilTheWindowEndsInTheCustomersZone() {
        long shanghai = customer("1", "Asia/Shanghai"); // 22:30 there: inside 21:00-09:00
        long business = customer("2", null); // no zone: London's 14:30, outside

        runAt("2027-03-01T14:30:00Z");
        assertThat(status(shanghai)).isEqualTo("planned 2027-03-02T01:00"); // 09:00 in Shanghai
        assertThat(status(business)).startsWith("sent");

        runAt("2027-03-02T00:59:00Z");
        assertThat(status(shanghai)).startsWith("planned");

        runAt("2027-03-02T01:00:00Z");
        assertThat(status(shanghai)).startsWith("sent");
        long outreaches = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM inbound_updates WHERE kind = 'outreach' AND payload ->> 'flow' = 'offers'")
                        .mapTo(Long.class)
                        .one());
        assertThat(outreaches).isEqualTo(2);
    }

    @Test
    void aCustomerWithoutAZoneFollowsTheBusinessZone() {
        long business = customer("3", null);
        runAt("2027-03-01T22:00:00Z"); // 22:00 in London
        assertThat(status(business)).isEqualTo("planned 2027-03-02T09:00");
    }

    @Test
    void eachRunHandlesAtMostSendsPerRunAndAFreshJobGoesOnWhereTheLastStopped() {
        for (int i = 0; i < 25; i++) {
            customer(String.valueOf(100 + i), "Europe/London");
        }
        runAt("2027-03-01T12:00:00Z");
        assertThat(count("status = 'sent'")).isEqualTo(20); // campaigns.sends_per_run in config/offers.yaml
        assertThat(count("status = 'planned'")).isEqualTo(5);
        runAt("2027-03-01T12:00:10Z"); // a new job object: as after a restart, all it knows is in the rows
        assertThat(count("status = 'sent'")).isEqualTo(25);
        runAt("2027-03-01T12:00:20Z");
        assertThat(count("status = 'sent'")).isEqualTo(25);
    }

    private long count(String where) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM offer_sends WHERE " + where)
                        .mapTo(Long.class)
                        .one());
    }
}
