package dev.rapport.demo;

import dev.rapport.customer.LinkTokens;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Picks demo customers worth trying the web chat as — a key customer, a major (or else ordinary)
 * customer who stopped buying months ago, an ordinary one — and makes each a fresh personal link token. Stateless; thread-safe.
 */
final class Personas {

    private Personas() {}

    private record Choice(String description, String sql) {}

    private static final List<Choice> CHOICES = List.of(
            new Choice("a key customer (offers, complaints answered within the hour)", """
                    SELECT c.id, c.name, c.tier FROM customers c
                    WHERE c.external_id LIKE 'DEMO-%' AND c.tier = 'key' AND c.merged_into IS NULL
                    ORDER BY c.id LIMIT 1"""),
            new Choice("a customer who has not bought for months (the win-back dialogue starts at once)", """
                    SELECT c.id, c.name, c.tier FROM customers c
                    WHERE c.external_id LIKE 'DEMO-%' AND c.tier IN ('major', 'ordinary') AND c.merged_into IS NULL
                      AND (SELECT max(purchased_at) FROM purchases p WHERE p.customer_id = c.id) < now() - interval '120 days'
                    ORDER BY c.tier = 'major' DESC, c.id LIMIT 1"""),
            new Choice("an ordinary customer", """
                    SELECT c.id, c.name, c.tier FROM customers c
                    WHERE c.external_id LIKE 'DEMO-%' AND c.tier = 'ordinary' AND c.merged_into IS NULL
                    ORDER BY c.id DESC LIMIT 1"""));

    static List<DemoData.Persona> pick(Jdbi jdbi, LinkTokens tokens) {
        return jdbi.inTransaction(handle -> {
            var personas = new ArrayList<DemoData.Persona>();
            for (Choice choice : CHOICES) {
                handle.createQuery(choice.sql())
                        .map((rs, ctx) -> new DemoData.Persona(
                                rs.getString("name"),
                                rs.getString("tier"),
                                choice.description(),
                                tokens.create(handle, rs.getLong("id"))))
                        .findOne()
                        .ifPresent(personas::add);
            }
            return personas;
        });
    }
}
