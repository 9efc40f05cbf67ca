package dev.rapport.engine;

/**
 * A piece of Java a flow calls by name ({@code action: open_ticket}). Features implement actions
 * and register them with the engine; the engine never depends on a feature. Implementations must be
 * stateless and thread-safe: one instance serves every chat.
 */
public interface Action {

    /** The name flows use. Lower case with underscores. */
    String name();

    /**
     * Does the work inside the turn's transaction and returns an outcome, which the flow may map to
     * a step ({@code outcomes: {unchanged: same}}). Return {@link #OK} when there is nothing to choose.
     * Throwing rolls the whole turn back; it will be retried.
     */
    String run(ActionContext context);

    String OK = "ok";
}
