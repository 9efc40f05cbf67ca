package dev.rapport.winback;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import dev.rapport.engine.Outreach;
import java.util.Map;

/**
 * {@code winback_on_arrival}: a customer who has just linked their chat (a personal link) and has not
 * bought for longer than their tier's lapse period is approached at once, as the hourly scan would
 * approach them — a win-back case and the win-back dialogue right after this turn — instead of at the
 * next scan. Nothing happens for a customer with an open case, one approached recently, or one who
 * opted out. Outcome {@code approached} or {@code ok}. Runs in the turn's transaction; thread-safe.
 */
final class LapsedOnArrival implements Action {

    private final WinbackSettings settings;
    private final Outreach outreach;

    LapsedOnArrival(WinbackSettings settings, Outreach outreach) {
        this.settings = settings;
        this.outreach = outreach;
    }

    @Override
    public String name() {
        return "winback_on_arrival";
    }

    @Override
    public String run(ActionContext context) {
        var customer = context.customer();
        WinbackSettings.TierMove move = settings.tiers().get(customer.tier());
        if (move == null) {
            return OK;
        }
        var opened = context.handle()
                .createQuery("""
                        INSERT INTO winback_cases (customer_id, tier, trigger)
                        SELECT c.id, c.tier, 'lapsed' FROM customers c
                        WHERE c.id = :customer AND c.opted_out_at IS NULL
                          AND (SELECT max(p.purchased_at) FROM purchases p WHERE p.customer_id = c.id)
                              < now() - make_interval(days => :lapsedDays)
                          AND NOT EXISTS (SELECT 1 FROM winback_cases w WHERE w.customer_id = c.id
                              AND (w.outcome IS NULL OR w.started_at > now() - make_interval(days => :againDays)))
                        ON CONFLICT (customer_id) WHERE outcome IS NULL DO NOTHING
                        RETURNING id""")
                .bind("customer", customer.id())
                .bind("lapsedDays", move.lapsedAfterDays())
                .bind("againDays", settings.approachAgainDays())
                .mapTo(Long.class)
                .findOne();
        if (opened.isEmpty()
                || !outreach.start(
                        context.handle(),
                        "winback:" + opened.get(),
                        customer.id(),
                        "winback",
                        Map.of(WinbackActions.CASE_SLOT, String.valueOf(opened.get())))) {
            opened.ifPresent(id -> context.handle()
                    .createUpdate("DELETE FROM winback_cases WHERE id = :id")
                    .bind("id", id)
                    .execute());
            return OK;
        }
        context.event(WinbackEvent.OPENED, Map.of("case", opened.get(), "trigger", "lapsed", "tier", customer.tier()));
        return "approached";
    }
}
