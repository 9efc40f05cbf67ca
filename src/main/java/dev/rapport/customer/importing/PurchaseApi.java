package dev.rapport.customer.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.feature.ApiRoute;
import dev.rapport.store.EventLog;
import dev.rapport.store.EventType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code POST /api/purchases}: the shop reports purchases as they happen, one JSON object or an
 * array of them, with the fields of the purchases CSV. A batch is checked whole before anything is
 * written and stored in one transaction, so it is taken entirely or not at all; an error names the
 * field, and in a batch the index ({@code [3].amount}). Upserts on {@code external_id}: a retried
 * request changes nothing. A new purchase is recorded as a {@code customer.purchased} event.
 * Stateless; thread-safe.
 */
public final class PurchaseApi {

    /** More than this in one request is a bulk load: the CSV import is the tool for it. */
    static final int MAX_BATCH = 10_000;

    private enum PurchaseEvent implements EventType {
        PURCHASED;

        @Override
        public String type() {
            return "customer.purchased";
        }

        @Override
        public java.util.Set<String> plainKeys() {
            return java.util.Set.of("external_id", "amount", "currency");
        }
    }

    private final Jdbi jdbi;
    private final ZoneId businessZone;

    public PurchaseApi(Jdbi jdbi, ZoneId businessZone) {
        this.jdbi = jdbi;
        this.businessZone = businessZone;
    }

    public ApiRoute route() {
        return new ApiRoute("/purchases", this::receive);
    }

    Map<String, Object> receive(JsonNode body) {
        boolean batch = body.isArray();
        List<JsonNode> objects = new ArrayList<>();
        if (batch) {
            body.forEach(objects::add);
        } else {
            objects.add(body);
        }
        if (objects.isEmpty()) {
            throw new ApiRoute.BadRequest("the array is empty: expected one or more purchases");
        }
        if (objects.size() > MAX_BATCH) {
            throw new ApiRoute.BadRequest("the array has " + objects.size() + " purchases: at most " + MAX_BATCH
                    + " per request (use `rapport purchases import` for bulk loads)");
        }
        List<PurchaseRow> purchases = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            purchases.add(parse(objects.get(i), batch ? "[" + i + "]." : ""));
        }
        return jdbi.inTransaction(handle -> store(handle, purchases, batch));
    }

    private PurchaseRow parse(JsonNode object, String where) {
        if (!object.isObject()) {
            throw new ApiRoute.BadRequest((where.isEmpty() ? "the body" : where.substring(0, where.length() - 1))
                    + ": expected a JSON object with " + String.join(", ", PurchaseRow.REQUIRED));
        }
        for (var names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PurchaseRow.REQUIRED.contains(name) && !PurchaseRow.OPTIONAL.contains(name)) {
                throw new ApiRoute.BadRequest(
                        "field '" + where + name + "': unknown; expected " + String.join(", ", PurchaseRow.REQUIRED)
                                + " and optionally " + String.join(", ", PurchaseRow.OPTIONAL));
            }
            JsonNode value = object.get(name);
            if (value.isContainerNode()) {
                throw new ApiRoute.BadRequest("field '" + where + name + "': expected a string or a number");
            }
        }
        try {
            return PurchaseRow.parse(
                    name -> {
                        JsonNode value = object.get(name);
                        return value == null || value.isNull() ? null : value.asText();
                    },
                    businessZone);
        } catch (BadValue bad) {
            throw new ApiRoute.BadRequest("field '" + where + bad.column + "': " + bad.getMessage());
        }
    }

    private static Map<String, Object> store(Handle handle, List<PurchaseRow> purchases, boolean batch) {
        Map<String, Long> customers = new HashMap<>();
        handle.createQuery("SELECT external_id, id FROM customers WHERE external_id = ANY(:ids)")
                .bindArray(
                        "ids",
                        String.class,
                        purchases.stream()
                                .map(PurchaseRow::customerExternalId)
                                .distinct()
                                .toList())
                .map((row, ctx) -> Map.entry(row.getString("external_id"), row.getLong("id")))
                .forEach(entry -> customers.put(entry.getKey(), entry.getValue()));
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < purchases.size(); i++) {
            PurchaseRow purchase = purchases.get(i);
            String where = batch ? "[" + i + "]." : "";
            if (!customers.containsKey(purchase.customerExternalId())) {
                throw new ApiRoute.BadRequest("field '" + where + "customer_external_id': no customer has external id '"
                        + purchase.customerExternalId() + "'; import the customer first");
            }
            Integer first = seen.putIfAbsent(purchase.externalId(), i);
            if (first != null) {
                throw new ApiRoute.BadRequest(
                        "field '" + where + "external_id': '" + purchase.externalId() + "' is also at [" + first + "]");
            }
        }
        int created = 0;
        int updated = 0;
        List<EventLog.Event> events = new ArrayList<>();
        for (PurchaseRow purchase : purchases) {
            long customerId = customers.get(purchase.customerExternalId());
            var result = handle.createQuery("""
                            INSERT INTO purchases (external_id, customer_id, amount, margin, currency, purchased_at)
                            VALUES (:externalId, :customerId, :amount, :margin, :currency, :at)
                            ON CONFLICT (external_id) DO UPDATE
                            SET customer_id = EXCLUDED.customer_id, amount = EXCLUDED.amount, margin = EXCLUDED.margin,
                                currency = EXCLUDED.currency, purchased_at = EXCLUDED.purchased_at
                            WHERE (purchases.customer_id, purchases.amount, purchases.margin, purchases.currency,
                                   purchases.purchased_at) IS DISTINCT FROM
                                  (EXCLUDED.customer_id, EXCLUDED.amount, EXCLUDED.margin, EXCLUDED.currency,
                                   EXCLUDED.purchased_at)
                            RETURNING xmax = 0""")
                    .bind("externalId", purchase.externalId())
                    .bind("customerId", customerId)
                    .bind("amount", purchase.amount())
                    .bind("margin", purchase.margin())
                    .bind("currency", purchase.currency())
                    .bind("at", java.time.OffsetDateTime.ofInstant(purchase.purchasedAt(), java.time.ZoneOffset.UTC))
                    .mapTo(Boolean.class)
                    .findOne();
            if (result.isPresent() && result.get()) {
                created++;
                var data = new LinkedHashMap<String, Object>();
                data.put("external_id", purchase.externalId());
                data.put("amount", purchase.amount());
                data.put("currency", purchase.currency());
                events.add(new EventLog.Event(PurchaseEvent.PURCHASED, null, null, customerId, data));
            } else if (result.isPresent()) {
                updated++;
            }
        }
        EventLog.recordAll(handle, events);
        return Map.of(
                "received",
                purchases.size(),
                "created",
                created,
                "updated",
                updated,
                "unchanged",
                purchases.size() - created - updated);
    }
}
