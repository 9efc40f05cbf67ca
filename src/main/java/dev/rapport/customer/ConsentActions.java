package dev.rapport.customer;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import java.util.List;
import java.util.Map;

/**
 * The actions flows call about a customer's consent and language: {@code opt_out} (/stop: nothing
 * they did not ask for — offers, surveys, win-back — is sent any more), {@code opt_in} (/start undoes
 * it) and {@code set_language}. Each change is recorded as an event. Stateless; thread-safe.
 */
public final class ConsentActions {

    private ConsentActions() {}

    public static List<Action> all(Customers customers) {
        return List.of(new OptOut(), new OptIn(), new SetLanguage(customers), new AsksToUnsubscribe());
    }

    /** Outcome {@code already} when the customer had opted out before. */
    private static final class OptOut implements Action {
        @Override
        public String name() {
            return "opt_out";
        }

        @Override
        public String run(ActionContext context) {
            int changed = context.handle()
                    .createUpdate("UPDATE customers SET opted_out_at = now() WHERE id = :id AND opted_out_at IS NULL")
                    .bind("id", context.customer().id())
                    .execute();
            if (changed == 0) {
                return "already";
            }
            context.event(
                    CustomerEvent.OPTED_OUT, Map.of("via", context.message().channel()));
            return OK;
        }
    }

    /** Outcome {@code back} when the customer was opted out and is now opted in again. */
    private static final class OptIn implements Action {
        @Override
        public String name() {
            return "opt_in";
        }

        @Override
        public String run(ActionContext context) {
            int changed = context.handle()
                    .createUpdate(
                            "UPDATE customers SET opted_out_at = NULL WHERE id = :id AND opted_out_at IS NOT NULL")
                    .bind("id", context.customer().id())
                    .execute();
            if (changed == 0) {
                return OK;
            }
            context.event(
                    CustomerEvent.OPTED_IN, Map.of("via", context.message().channel()));
            return "back";
        }
    }

    /**
     * {@code asks_to_unsubscribe}: outcome {@code yes} when the words that started the flow (slot
     * {@code started_by_text}) match param {@code pattern}, a regular expression the flow file gives
     * ("unsubscribe", "退订"). Someone who only wants fewer messages is asking for an opt-out, not to
     * leave, and must not be answered with a win-back dialogue. The loader has not seen the pattern,
     * so a pattern that does not compile fails the turn with its message.
     */
    private static final class AsksToUnsubscribe implements Action {
        private final java.util.Map<String, java.util.regex.Pattern> patterns =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public String name() {
            return "asks_to_unsubscribe";
        }

        @Override
        public String run(ActionContext context) {
            String words = context.slot(dev.rapport.engine.Engine.STARTED_BY_TEXT);
            String pattern = context.params().get("pattern");
            if (words == null || pattern == null) {
                return OK;
            }
            var compiled = patterns.computeIfAbsent(
                    pattern,
                    regex -> java.util.regex.Pattern.compile(
                            regex, java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE));
            return compiled.matcher(words).find() ? "yes" : OK;
        }
    }

    /** Takes the language from the slot named by param {@code from_slot}; outcome {@code unchanged} if same. */
    private static final class SetLanguage implements Action {
        private final Customers customers;

        SetLanguage(Customers customers) {
            this.customers = customers;
        }

        @Override
        public String name() {
            return "set_language";
        }

        @Override
        public String run(ActionContext context) {
            var chosen = dev.rapport.domain.Language.fromCode(
                    context.slot(context.params().getOrDefault("from_slot", "language")));
            if (chosen.isEmpty()) {
                return "invalid";
            }
            var language = chosen.get();
            boolean same = language == context.customer().language()
                    && context.customer().languageChosen();
            customers.setLanguage(context.handle(), context.customer().id(), language, true);
            context.useLanguage(language);
            context.event(CustomerEvent.LANGUAGE_CHOSEN, Map.of("language", language));
            return same ? "unchanged" : OK;
        }
    }
}
