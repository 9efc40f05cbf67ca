package dev.rapport.complaint;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import dev.rapport.engine.Engine;
import java.util.Map;

/**
 * The complaint dialogue's small decisions before a ticket exists. Stateless; thread-safe.
 */
final class IntakeActions {

    private IntakeActions() {}

    /**
     * {@code complaint_begin}: when the customer's own words started the dialogue (an intent), they are
     * the description — outcome {@code described}, and the flow does not ask again.
     */
    static final class Begin implements Action {
        @Override
        public String name() {
            return "complaint_begin";
        }

        @Override
        public String run(ActionContext context) {
            String words = context.slot(Engine.STARTED_BY_TEXT);
            if (words == null || words.isBlank()) {
                return OK;
            }
            context.setSlot("description", words.strip());
            return "described";
        }
    }

    /**
     * {@code complaint_check_order}: finds an order reference of the configured format in slot
     * {@code order_ref}, also within a sentence ("my order is #4455-99", "订单号是12345") and in
     * full-width digits ({@link OrderReferences}).
     * Outcomes: {@code ok} (stored upper-cased), {@code skipped} (the skip button, or a typed "skip",
     * "none", "跳过", "没有" ...), and
     * {@code invalid} (slot {@code order_example} then holds an example for the re-prompt).
     */
    static final class CheckOrder implements Action {
        static final String SKIP = "skip";
        /** What customers type for "I have none"; compared case-insensitively. */
        private static final java.util.Set<String> NONE =
                java.util.Set.of(SKIP, "none", "no", "n/a", "-", "跳过", "没有", "无", "不知道");

        private final ComplaintsConfig config;

        CheckOrder(ComplaintsConfig config) {
            this.config = config;
        }

        @Override
        public String name() {
            return "complaint_check_order";
        }

        @Override
        public String run(ActionContext context) {
            String given = context.slot("order_ref") == null
                    ? ""
                    : context.slot("order_ref").strip();
            if (given.isEmpty() || NONE.contains(given.toLowerCase(java.util.Locale.ROOT))) {
                context.setSlot("order_ref", "");
                return "skipped";
            }
            java.util.Optional<String> reference = OrderReferences.find(config.orderPattern(), given);
            if (reference.isPresent()) {
                context.setSlot("order_ref", reference.get().toUpperCase(java.util.Locale.ROOT));
                return OK;
            }
            context.event(ComplaintEvent.ORDER_REFERENCE_INVALID, Map.of("given", given));
            context.setSlot("order_example", config.orderExample());
            return "invalid";
        }
    }
}
