package dev.rapport.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import dev.rapport.engine.CustomerView;
import dev.rapport.engine.Engine;
import dev.rapport.store.Json;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code complaint_open}: records the complaint the dialogue collected (slots {@code description},
 * {@code order_ref}, {@code category} and the files in {@link Engine#ATTACHMENTS}) as a new open
 * ticket, and fills the slots the closing text uses: {@code ticket}, {@code apology} (fitting the
 * category, in the customer's language) and {@code response_time} (from the customer's tier).
 * Stateless; thread-safe.
 */
final class OpenComplaint implements Action {

    private static final ObjectMapper JSON = Json.mapper();
    private final ComplaintsConfig config;
    private final ZoneId zone;

    OpenComplaint(ComplaintsConfig config, ZoneId zone) {
        this.config = config;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "complaint_open";
    }

    @Override
    public String run(ActionContext context) {
        CustomerView customer = context.customer();
        Category category = Category.of(context.slot("category")).orElse(Category.OTHER);
        String orderRef = context.slot("order_ref");
        int slaHours = config.slaHoursFor(customer.tier());
        String ticket = TicketNumbers.next(context.handle(), zone);
        long id = context.handle()
                .createQuery("""
                        INSERT INTO complaints (ticket, customer_id, channel, chat_key, status, category, description,
                                                order_ref, attachments, language, tier, priority, sla_hours, due_at)
                        VALUES (:ticket, :customer, :channel, :chatKey, 'open', :category, :description, :orderRef,
                                CAST(:attachments AS jsonb), :language, :tier, :priority, :sla,
                                now() + make_interval(hours => :sla))
                        RETURNING id""")
                .bind("ticket", ticket)
                .bind("customer", customer.id())
                .bind("channel", context.message().channel())
                .bind("chatKey", context.message().chatKey())
                .bind("category", category.code())
                .bind("description", description(context))
                .bind("orderRef", orderRef == null || orderRef.isBlank() ? null : orderRef)
                .bind("attachments", attachments(context.slot(Engine.ATTACHMENTS)))
                .bind("language", customer.language())
                .bind("tier", customer.tier())
                .bind(
                        "priority",
                        Priority.forComplaint(
                                        customer.tier(),
                                        dev.rapport.engine.Tone.stronglyNegative(
                                                sentimentOf(context, description(context)), description(context)))
                                .code())
                .bind("sla", slaHours)
                .mapTo(Long.class)
                .one();
        Complaint complaint = ComplaintStore.find(context.handle(), ticket).orElseThrow();
        ComplaintHistory.record(
                context.handle(),
                complaint,
                ComplaintEvent.OPENED,
                null,
                Status.OPEN,
                "customer",
                null,
                Map.of("category", category.code(), "tier", customer.tier(), "sla_hours", slaHours, "id", id));
        // A person takes over when config/handoff.yaml says so for this tier (by default: key customers).
        context.escalate(
                "complaint",
                "complaint " + ticket + " (" + category.code() + ") from a " + customer.tier() + " customer");
        context.setSlot("ticket", ticket);
        context.setSlot("apology", context.text("complaint.apology." + category.code(), Map.of()));
        context.setSlot("response_time", responseTime(context, slaHours));
        return OK;
    }

    /** The sentiment score the NLU gave the customer's message that is the description, if it was one. */
    private static Double sentimentOf(ActionContext context, String description) {
        return context.handle()
                .createQuery("""
                        SELECT sentiment_score FROM messages WHERE channel = :channel AND chat_key = :chat
                          AND direction = 'in' AND text = :text ORDER BY id DESC LIMIT 1""")
                .bind("channel", context.message().channel())
                .bind("chat", context.message().chatKey())
                .bind("text", description)
                .mapTo(Double.class)
                .findOne()
                .orElse(null);
    }

    private static String description(ActionContext context) {
        String description = context.slot("description");
        return description == null || description.isBlank() ? "(no description)" : description.strip();
    }

    static String responseTime(ActionContext context, int hours) {
        return hours == 1
                ? context.text("complaint.within_one_hour", Map.of())
                : context.text("complaint.within_hours", Map.of("hours", hours));
    }

    /** The slot's {@code kind:file} lines as the stored JSON list. */
    static String attachments(String slot) {
        List<Map<String, String>> files = new ArrayList<>();
        if (slot != null) {
            for (String line : slot.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    files.add(Map.of("kind", line.substring(0, colon), "file", line.substring(colon + 1)));
                }
            }
        }
        try {
            return JSON.writeValueAsString(files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
