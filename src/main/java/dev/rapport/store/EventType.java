package dev.rapport.store;

import java.util.Set;

/**
 * A kind of event in the {@code events} table. Each feature declares its own as an enum, so every
 * event written is one of a closed, named set; {@link #type()} is the stored name.
 *
 * <p>Personal data is kept apart by construction: an event type names the keys of its data that
 * never hold what a person wrote or who they are ({@link #plainKeys()}: ids, counts, flow and step
 * names, tiers, outcomes). {@link EventLog} stores those in {@code events.data}; every other key —
 * including one a new feature adds and forgets to think about — goes to {@code events.personal},
 * which erasing the customer clears. Forgetting a key therefore costs a report a value, never a
 * customer their privacy.
 */
public interface EventType {

    /** The stored name, {@code area.what_happened}, for example {@code customer.opted_out}. */
    String type();

    /** The data keys stored in plain {@code events.data}; any other key is personal. */
    Set<String> plainKeys();
}
