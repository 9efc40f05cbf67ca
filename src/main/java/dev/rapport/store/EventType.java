package dev.rapport.store;

/**
 * A kind of event in the {@code events} table. Each feature declares its own as an enum, so every
 * event written is one of a closed, named set; {@link #type()} is the stored name.
 */
public interface EventType {

    /** The stored name, {@code area.what_happened}, for example {@code customer.opted_out}. */
    String type();
}
