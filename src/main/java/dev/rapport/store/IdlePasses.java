package dev.rapport.store;

import java.time.Duration;

/**
 * Counts the passes of a polling loop (the outbox sender, the inbox workers) that found nothing to
 * do, so a caller can wait until the loop has looked again after some moment and found nothing: the
 * observable idle state tests assert on instead of sleeping. Thread-safe.
 */
public final class IdlePasses {

    private long passes;

    /** Called by the loop at the end of a pass that found nothing to do. */
    public synchronized void passed() {
        passes++;
        notifyAll();
    }

    /**
     * Waits for a pass that began after this call. A pass that ends just after the call may have
     * begun before it, so this waits for two; {@code wake} nudges the loop to look now rather than
     * at its next poll.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitAfter(Runnable wake, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long wanted;
        synchronized (this) {
            wanted = passes + 2;
        }
        while (true) {
            wake.run();
            synchronized (this) {
                long left = deadline - System.nanoTime();
                if (passes >= wanted) {
                    return true;
                }
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, Math.min(50, left / 1_000_000)));
            }
        }
    }
}
