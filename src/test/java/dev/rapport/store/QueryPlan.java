package dev.rapport.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A statement's executed plan ({@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)}), read for what the plan
 * tests assert: rows, buffers touched and the kinds of node. Buffers and nodes do not depend on the
 * machine's speed, so a test that counts them fails only when the plan changes.
 */
public record QueryPlan(JsonNode root) {

    /** Runs {@code statement} under EXPLAIN ANALYZE in the handle's transaction. */
    public static QueryPlan explain(Handle handle, String statement) {
        String json = handle.createQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement)
                .mapTo(String.class)
                .one();
        return of(json);
    }

    /** The plan of EXPLAIN's JSON output. */
    public static QueryPlan of(String json) {
        try {
            return new QueryPlan(Json.mapper().readTree(json).get(0).get("Plan"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not EXPLAIN's JSON: " + json, e);
        }
    }

    public long rows() {
        return root.get("Actual Rows").asLong();
    }

    /** Shared buffers hit or read by the whole plan. */
    public long buffers() {
        return root.get("Shared Hit Blocks").asLong()
                + root.get("Shared Read Blocks").asLong();
    }

    /** Every node as "node type on relation", e.g. "Seq Scan on inbox_queue". */
    public List<String> nodes() {
        var nodes = new ArrayList<String>();
        collect(root, nodes);
        return nodes;
    }

    private static void collect(JsonNode node, List<String> nodes) {
        nodes.add(node.path("Node Type").asText() + " on "
                + node.path("Relation Name").asText());
        for (JsonNode child : node.path("Plans")) {
            collect(child, nodes);
        }
    }
}
