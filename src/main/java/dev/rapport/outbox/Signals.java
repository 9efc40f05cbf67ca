package dev.rapport.outbox;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What wakes the outbox loop: a wake (rows were committed, a test waits for idle, the sender is
 * closing) or a batch whose last chat task has finished. Any thread may signal; only the loop thread
 * awaits.
 */
final class Signals {

    private static final Object WAKE = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    /** The loop should look for due rows now instead of at its next poll. */
    void wake() {
        queue.offer(WAKE);
    }

    /** Every chat task of {@code batch} has ended; its outcomes may be written. */
    void finished(Batch batch) {
        queue.offer(batch);
    }

    /**
     * Waits up to {@code waitNanos} (0: not at all) for a signal, then hands every finished batch that
     * arrived to {@code onFinished}, in the order they finished.
     *
     * @return false when the loop thread was interrupted
     */
    boolean await(long waitNanos, Consumer<Batch> onFinished) {
        Object signal;
        try {
            signal = waitNanos <= 0 ? queue.poll() : queue.poll(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        while (signal != null) {
            if (signal instanceof Batch batch) {
                onFinished.accept(batch);
            }
            signal = queue.poll();
        }
        return true;
    }
}
