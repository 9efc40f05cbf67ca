package dev.rapport.winback;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import dev.rapport.offer.IssuedOffer;
import dev.rapport.offer.Offers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The win-back dialogue's actions:
 * <ul>
 *   <li>{@code winback_open} — takes the case the scan opened (slot {@code case_id}) or opens one for a
 *   customer who said they want to cancel, and says the opener that fits how it started and the tier;</li>
 *   <li>{@code winback_move} — records the reason (slots {@code reason}, {@code reason_text}) and makes
 *   the tier's move from {@code config/winback.yaml}: a person takes over (key), the tier's offer with
 *   the customer's code, or thanks only;</li>
 *   <li>{@code winback_decline} — records that the customer would rather not say.</li>
 * </ul>
 * All in the turn's transaction. Stateless apart from immutable settings; thread-safe.
 */
final class WinbackActions {

    static final String CASE_SLOT = "case_id";
    /** How the dialogue started: {@code cancel} (the customer said so) or {@code lapsed} (the scan). */
    static final String TRIGGER_SLOT = "winback_trigger";
    /** The outcome after the reason when the customer asked to leave: the flow asks them to confirm. */
    static final String CONFIRM = "confirm_cancel";

    static final List<String> KEYS = List.of(
            "winback.opener.cancel",
            "winback.opener.lapsed.key",
            "winback.opener.lapsed.major",
            "winback.opener.lapsed.ordinary",
            "winback.opener.lapsed.small",
            "winback.move.key",
            "winback.move.major",
            "winback.move.ordinary",
            "winback.move.small",
            "winback.move.no_offer",
            "winback.move.person");

    private WinbackActions() {}

    static List<Action> all(WinbackSettings settings, Offers offers) {
        return List.of(new Open(), new Move(settings, offers), new Decline(), new CancellationRequest());
    }

    /** A customer who asked to leave is asked to confirm ({@link #CONFIRM}); a lapsed one is not. */
    private static String afterwards(ActionContext context) {
        return "cancel".equals(context.slot(TRIGGER_SLOT)) ? CONFIRM : Action.OK;
    }

    private static Optional<Long> caseId(ActionContext context) {
        String slot = context.slot(CASE_SLOT);
        return slot == null ? Optional.empty() : Optional.of(Long.parseLong(slot));
    }

    private static final class Open implements Action {
        @Override
        public String name() {
            return "winback_open";
        }

        @Override
        public String run(ActionContext context) {
            var customer = context.customer();
            String trigger = "lapsed";
            Optional<Long> id = caseId(context);
            if (id.isEmpty()) {
                trigger = "cancel";
                // A case still open (a lapsed customer who now says "cancel") goes on; else a new one.
                long opened = context.handle()
                        .createQuery("""
                                INSERT INTO winback_cases (customer_id, tier, trigger) VALUES (:customer, :tier, 'cancel')
                                ON CONFLICT (customer_id) WHERE outcome IS NULL
                                DO UPDATE SET responded_at = winback_cases.responded_at
                                RETURNING id""")
                        .bind("customer", customer.id())
                        .bind("tier", customer.tier())
                        .mapTo(Long.class)
                        .one();
                context.setSlot(CASE_SLOT, String.valueOf(opened));
                context.event(WinbackEvent.OPENED, Map.of("case", opened, "trigger", trigger, "tier", customer.tier()));
            }
            context.setSlot(TRIGGER_SLOT, trigger);
            context.say(
                    "cancel".equals(trigger) ? "winback.opener.cancel" : "winback.opener.lapsed." + customer.tier(),
                    Map.of());
            return OK;
        }
    }

    private static final class Move implements Action {
        private final WinbackSettings settings;
        private final Offers offers;

        Move(WinbackSettings settings, Offers offers) {
            this.settings = settings;
            this.offers = offers;
        }

        @Override
        public String name() {
            return "winback_move";
        }

        @Override
        public String run(ActionContext context) {
            var customer = context.customer();
            String reason = context.slot("reason");
            if (!WinbackReason.known(reason)) {
                reason = "other";
            }
            String reasonText = context.slot("reason_text");
            WinbackSettings.TierMove move = settings.move(customer.tier());
            String detail = "win-back: " + customer.tier() + " customer, reason " + reason
                    + (reasonText == null ? "" : " (" + reasonText + ")");
            // A person takes over for the tiers winback.yaml names, and (config/handoff.yaml, reason cancel)
            // for valuable customers who said they want to cancel.
            boolean handedOver = move.escalate() && context.escalate("winback", detail);
            handedOver |= "cancel".equals(context.slot(TRIGGER_SLOT)) && context.escalate("cancel", detail);
            if (handedOver) {
                context.say("winback.move.person", Map.of());
            }
            Optional<IssuedOffer> incentive = move.offer() == null
                    ? Optional.empty()
                    : offers.settings()
                            .offer(move.offer())
                            .flatMap(offer ->
                                    offers.issue(context.handle(), offer, customer.id(), customer.tier(), "winback"));
            if (incentive.isPresent()) {
                context.say("winback.move." + customer.tier(), offers.vars(incentive.get(), context::text));
                context.event(
                        WinbackEvent.INCENTIVE_GIVEN,
                        Map.of("offer", move.offer(), "code", incentive.get().code()));
            } else {
                context.say(move.offer() == null ? "winback.move.small" : "winback.move.no_offer", Map.of());
            }
            Optional<Long> id = caseId(context);
            if (id.isPresent()) {
                context.handle()
                        .createUpdate("""
                                UPDATE winback_cases SET reason = :reason, reason_text = :text, response = 'answered',
                                       responded_at = now(), escalated = :escalated, offer_code = :code
                                WHERE id = :id""")
                        .bind("reason", reason)
                        .bind("text", reasonText)
                        .bind("escalated", handedOver)
                        .bind("code", incentive.map(IssuedOffer::code).orElse(null))
                        .bind("id", id.get())
                        .execute();
            }
            var data = new HashMap<String, Object>(
                    Map.of("reason", reason, "tier", customer.tier(), "escalated", handedOver));
            id.ifPresent(value -> data.put("case", value));
            context.event(WinbackEvent.REASON_GIVEN, data);
            // With a person now looking after the customer, they settle the cancellation; else ask to confirm.
            return handedOver ? OK : afterwards(context);
        }
    }

    private static final class Decline implements Action {
        @Override
        public String name() {
            return "winback_decline";
        }

        @Override
        public String run(ActionContext context) {
            caseId(context)
                    .ifPresent(id ->
                            context.handle().createUpdate("""
                            UPDATE winback_cases SET response = 'declined', responded_at = now() WHERE id = :id""").bind("id", id).execute());
            context.event(
                    WinbackEvent.DECLINED, Map.of("tier", context.customer().tier()));
            return afterwards(context);
        }
    }
}
