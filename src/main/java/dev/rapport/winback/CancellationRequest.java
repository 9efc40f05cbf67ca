package dev.rapport.winback;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code winback_cancel_request}: the customer confirmed they want their account closed. Records a
 * request staff act on ({@code cancellation_requests}; one open request per customer, a repeated
 * confirmation keeps the first) and marks the conversation for a
 * person, so that someone confirms the closing with the customer. Outcome {@code ok}. Runs in the turn's
 * transaction; stateless; thread-safe.
 */
final class CancellationRequest implements Action {

    @Override
    public String name() {
        return "winback_cancel_request";
    }

    @Override
    public String run(ActionContext context) {
        var customer = context.customer();
        String caseSlot = context.slot(WinbackActions.CASE_SLOT);
        Long caseId = caseSlot == null ? null : Long.valueOf(caseSlot);
        Long id = context.handle()
                .createQuery("""
                        INSERT INTO cancellation_requests (customer_id, case_id, reason, reason_text, channel, chat_key)
                        VALUES (:customer, :case, :reason, :text, :channel, :chat)
                        ON CONFLICT (customer_id) WHERE status = 'open' DO UPDATE SET case_id = excluded.case_id
                        RETURNING id""")
                .bind("customer", customer.id())
                .bind("case", caseId)
                .bind("reason", context.slot("reason"))
                .bind("text", context.slot("reason_text"))
                .bind("channel", context.message().channel())
                .bind("chat", context.message().chatKey())
                .mapTo(Long.class)
                .one();
        context.escalate("customer asked to close their account (cancellation request " + id + ")");
        var data = new HashMap<String, Object>(Map.of("request", id, "tier", customer.tier()));
        if (caseId != null) {
            data.put("case", caseId);
        }
        context.event(WinbackEvent.CANCELLATION_REQUESTED, data);
        CancellationDesk.announce(context.handle(), WinbackEvent.CANCELLATION_REQUESTED, customer.id());
        return OK;
    }
}
