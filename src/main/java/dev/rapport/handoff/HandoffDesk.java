package dev.rapport.handoff;

import dev.rapport.domain.StaffRef;
import dev.rapport.engine.Outreach;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What staff do with handoffs — the service the console (and later the Telegram staff group) calls.
 * Each call is its own transaction; every change writes an {@code events} row naming the staff
 * member and a live notice on topics {@code console} and {@code handoff:<id>}, committed with it.
 * Staff replies and the bot's "I'm back" go through the outbox like every reply. Thread-safe:
 * concurrent claims of one handoff are decided by a conditional update, so exactly one wins.
 */
public final class HandoffDesk {

    /** The survey flow asked after a hand-back ({@code conversations/surveys/handoff_csat.yaml}). */
    static final String CSAT_FLOW = "survey_handoff_csat";
    /** The flow that says the bot is back when no survey follows ({@code conversations/flows/handoff_back.yaml}). */
    static final String BACK_FLOW = "handoff_back";
    /** Longest staff reply or note accepted (a channel splits long replies into several messages). */
    static final int MAX_TEXT = 10_000;

    private final Jdbi jdbi;
    private final HandoffQueries queries;
    private final CustomerNotices notices;
    private final Outreach outreach;
    private final Runnable senderWake;

    HandoffDesk(Jdbi jdbi, HandoffQueries queries, CustomerNotices notices, Outreach outreach, Runnable senderWake) {
        this.jdbi = jdbi;
        this.queries = queries;
        this.notices = notices;
        this.outreach = outreach;
        this.senderWake = senderWake;
    }

    /** Open handoffs (waiting and claimed) in queue order: by default tier first, then priority, then waiting time. */
    public List<QueuedHandoff> queue() {
        return jdbi.inTransaction(queries::queue);
    }

    public Optional<HandoffDetail> find(long id) {
        return jdbi.inTransaction(handle -> queries.find(handle, id));
    }

    /** The customer's handoffs, newest first. */
    public List<HandoffDetail> forCustomer(long customerId) {
        return jdbi.inTransaction(handle -> queries.forCustomer(handle, customerId));
    }

    /** Takes a waiting handoff. Of concurrent claims exactly one wins; the others learn who has it. */
    public ClaimResult claim(long id, StaffRef staff) {
        return jdbi.inTransaction(handle -> {
            int claimed = handle.createUpdate("""
                            UPDATE handoffs SET state = 'claimed', owner_id = :staffId, owner_name = :staffName,
                                                claimed_at = coalesce(claimed_at, now())
                            WHERE id = :id AND state = 'waiting'""")
                    .bind("id", id)
                    .bind("staffId", staff.id())
                    .bind("staffName", staff.name())
                    .execute();
            HandoffDetail handoff = queries.find(handle, id).orElseThrow(() -> HandoffQueries.notFound(id));
            if (claimed == 1) {
                HandoffLog.changed(handle, handoff, HandoffEvent.CLAIMED, staff, Map.of());
                return new ClaimResult(ClaimResult.Outcome.CLAIMED, staff);
            }
            if (handoff.state() == HandoffState.CLOSED) {
                return new ClaimResult(ClaimResult.Outcome.CLOSED, null);
            }
            return new ClaimResult(
                    handoff.owner().id() == staff.id() ? ClaimResult.Outcome.ALREADY_YOURS : ClaimResult.Outcome.TAKEN,
                    handoff.owner());
        });
    }

    /** Gives an open handoff to {@code to} (waiting or claimed by anyone); the customer keeps their place in time. */
    public void transfer(long id, StaffRef by, StaffRef to) {
        jdbi.useTransaction(handle -> {
            HandoffDetail handoff = open(handle, id);
            handle.createUpdate("""
                            UPDATE handoffs SET state = 'claimed', owner_id = :toId, owner_name = :toName,
                                                claimed_at = coalesce(claimed_at, now())
                            WHERE id = :id""")
                    .bind("id", id)
                    .bind("toId", to.id())
                    .bind("toName", to.name())
                    .execute();
            var data = new LinkedHashMap<String, Object>();
            if (handoff.owner() != null) {
                data.put("from_id", handoff.owner().id());
                data.put("from_name", handoff.owner().name());
            }
            data.put("to_id", to.id());
            data.put("to_name", to.name());
            HandoffLog.changed(handle, handoff, HandoffEvent.TRANSFERRED, by, data);
        });
    }

    /**
     * Sends {@code text} to the customer as written, through the outbox, logged with the staff member.
     * Replying to a waiting handoff claims it; replying to one someone else has is refused (transfer first).
     *
     * @return the reply's {@code messages} id (the staff group maps its topic message to it)
     */
    public long reply(long id, StaffRef staff, String text) {
        return reply(id, staff, text, null);
    }

    /**
     * {@link #reply(long, StaffRef, String)} as an answer to one of the customer's messages:
     * {@code replyTo} is the channel's id of that message (Telegram's {@code message_id}), or null.
     */
    public long reply(long id, StaffRef staff, String text, String replyTo) {
        String checked = checkText(text, "reply");
        long sent = jdbi.inTransaction(handle -> {
            HandoffDetail handoff = open(handle, id);
            if (handoff.state() == HandoffState.WAITING) {
                handle.createUpdate("""
                                UPDATE handoffs SET state = 'claimed', owner_id = :staffId, owner_name = :staffName,
                                                    claimed_at = coalesce(claimed_at, now())
                                WHERE id = :id""")
                        .bind("id", id)
                        .bind("staffId", staff.id())
                        .bind("staffName", staff.name())
                        .execute();
                HandoffLog.changed(handle, handoff, HandoffEvent.CLAIMED, staff, Map.of("by_reply", true));
            } else if (handoff.owner() != null && handoff.owner().id() != staff.id()) {
                throw new HandoffException(
                        HandoffException.Problem.OWNED_BY_OTHER,
                        handoff.owner().name() + " has this chat; ask them to transfer it to you before you reply.");
            }
            long messageId = notices.staff(handle, handoff, staff, checked, replyTo);
            handle.createUpdate(
                            "UPDATE handoffs SET first_response_at = coalesce(first_response_at, now()) WHERE id = :id")
                    .bind("id", id)
                    .execute();
            HandoffLog.changed(handle, handoff, HandoffEvent.REPLY, staff, Map.of("message_id", messageId));
            return messageId;
        });
        senderWake.run();
        return sent;
    }

    /** An internal note on the handoff, for colleagues: recorded and shown in the transcript, never sent. */
    public void note(long id, StaffRef staff, String text) {
        jdbi.useTransaction(handle -> note(handle, id, staff, text));
    }

    /**
     * {@link #note(long, StaffRef, String)} in the caller's transaction: the note is recorded exactly when
     * that transaction commits, so a turn that is rolled back and retried (a staff member's {@code /note}
     * in the Telegram group) records it once.
     */
    public void note(Handle handle, long id, StaffRef staff, String text) {
        String checked = checkText(text, "note");
        HandoffDetail handoff = queries.find(handle, id).orElseThrow(() -> HandoffQueries.notFound(id));
        HandoffLog.changed(handle, handoff, HandoffEvent.NOTE, staff, Map.of("text", checked));
    }

    /**
     * Gives the chat back to the bot: the customer is told politely, the bot answers again, and (after
     * a conversation in which staff replied, and not after a manager's handoff) a short CSAT survey about
     * it follows. Outreach that waited while the person had the chat starts after that survey, or at
     * once when there is none. Handing back a closed handoff does nothing.
     */
    public void handBack(long id, StaffRef staff) {
        jdbi.useTransaction(handle -> {
            HandoffDetail before = queries.lock(handle, id);
            if (!before.open()) {
                return;
            }
            handle.createUpdate("""
                            UPDATE handoffs SET state = 'closed', closed_at = now(), closed_by_id = :staffId,
                                                closed_by_name = :staffName
                            WHERE id = :id""")
                    .bind("id", id)
                    .bind("staffId", staff.id())
                    .bind("staffName", staff.name())
                    .execute();
            HandoffDetail handoff = queries.find(handle, id).orElseThrow();
            boolean csat = handoff.firstResponseAt() != null
                    && !handoff.forManager()
                    && !optedOut(handle, handoff)
                    && outreach.start(
                            handle,
                            "handoff-csat:" + id,
                            handoff.customerId(),
                            CSAT_FLOW,
                            Map.of("handoff", String.valueOf(id), "trigger", "handoff:" + id));
            if (csat) {
                notices.bot(handle, handoff, "handoff.back", Map.of(), "handoff:" + id + ":back");
            } else {
                // Said in a turn of its own, which also starts what waited behind the handoff.
                outreach.start(handle, "handoff-back:" + id, handoff.customerId(), BACK_FLOW, Map.of());
            }
            var data = new LinkedHashMap<String, Object>();
            data.put("csat_queued", csat);
            if (handoff.handlingTime() != null) {
                data.put("handling_seconds", handoff.handlingTime().toSeconds());
            }
            if (handoff.firstResponseTime() != null) {
                data.put("first_response_seconds", handoff.firstResponseTime().toSeconds());
            }
            HandoffLog.changed(handle, handoff, HandoffEvent.HANDED_BACK, staff, data);
        });
        senderWake.run();
    }

    /**
     * The customer's history: the {@code limit} latest messages before message {@code beforeId} (all
     * when null), with notes and events of the same stretch of time, oldest first. Page back with the
     * oldest entry's {@link TranscriptEntry#messageId()}.
     */
    public List<TranscriptEntry> transcript(long customerId, int limit, Long beforeId) {
        return jdbi.inTransaction(handle -> Transcripts.read(handle, customerId, limit, beforeId));
    }

    /**
     * Auto-assignment: gives {@code staff} the next waiting handoff in queue order when they have fewer
     * than {@code capacity} claimed chats. Handoffs meant for a manager are left for managers to claim.
     * Empty when they are at capacity or nothing waits. Concurrent calls never hand out one handoff twice.
     */
    public Optional<HandoffDetail> assignNext(StaffRef staff, int capacity) {
        return jdbi.inTransaction(handle -> {
            int owned = handle.createQuery(
                            "SELECT count(*) FROM handoffs WHERE state = 'claimed' AND owner_id = :staffId")
                    .bind("staffId", staff.id())
                    .mapTo(Integer.class)
                    .one();
            if (owned >= capacity) {
                return Optional.<HandoffDetail>empty();
            }
            Optional<Long> next = queries.nextWaiting(handle);
            if (next.isEmpty()) {
                return Optional.<HandoffDetail>empty();
            }
            handle.createUpdate("""
                            UPDATE handoffs SET state = 'claimed', owner_id = :staffId, owner_name = :staffName,
                                                claimed_at = coalesce(claimed_at, now())
                            WHERE id = :id""")
                    .bind("id", next.get())
                    .bind("staffId", staff.id())
                    .bind("staffName", staff.name())
                    .execute();
            HandoffDetail handoff = queries.find(handle, next.get()).orElseThrow();
            HandoffLog.changed(handle, handoff, HandoffEvent.CLAIMED, staff, Map.of("assigned", true));
            return Optional.of(handoff);
        });
    }

    private HandoffDetail open(Handle handle, long id) {
        HandoffDetail handoff = queries.lock(handle, id);
        if (!handoff.open()) {
            throw new HandoffException(
                    HandoffException.Problem.CLOSED,
                    "This chat was already handed back to the bot; the customer can ask for a person again.");
        }
        return handoff;
    }

    private static boolean optedOut(Handle handle, HandoffDetail handoff) {
        return handle.createQuery("SELECT opted_out_at IS NOT NULL FROM customers WHERE id = :id")
                .bind("id", handoff.customerId())
                .mapTo(Boolean.class)
                .one();
    }

    private static String checkText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new HandoffException(
                    HandoffException.Problem.INVALID, "The " + what + " is empty; write something first.");
        }
        if (text.length() > MAX_TEXT) {
            throw new HandoffException(
                    HandoffException.Problem.INVALID,
                    "The " + what + " is " + text.length() + " characters long; keep it under " + MAX_TEXT + ".");
        }
        return text.strip();
    }
}
