package dev.rapport.channel;

/** What a customer did. A closed set: the engine handles each case. */
public sealed interface Content {

    /** A text message. */
    record Text(String text) implements Content {}

    /** A slash command such as {@code /start payload}; {@code name} is lower case without the slash or bot name. */
    record Command(String name, String argument) implements Content {}

    /**
     * A press on an inline button. {@code callbackId} must be answered (Telegram shows a spinner
     * until then); {@code messageRef} is the channel's id of the message the button was on, when known.
     */
    record ButtonPress(String data, String callbackId, String messageRef) implements Content {}

    /** A shared phone number (Telegram's contact button). */
    record SharedContact(String phoneNumber, String userRef) implements Content {}

    /** A photo, document, voice note, sticker, video… kept by reference; {@code caption} may be null. */
    record Media(String kind, String fileRef, String caption) implements Content {}

    /** An edit of an earlier message. Recorded; dialogues do not go back in time. */
    record Edited(String text) implements Content {}

    /** The customer blocked ({@code blocked = true}) or unblocked the bot. */
    record Membership(boolean blocked) implements Content {}

    /**
     * Rapport itself starts a dialogue in this chat: a follow-up survey, a win-back opener, an offer.
     * Not something the customer did; it travels the chat's queue so it is ordered with what they do.
     *
     * @param key   what makes this outreach unique ({@code survey:followup:C-240117-0042}); queued once
     * @param flow  the flow to start
     * @param slots values the flow starts with (a ticket number, an offer id)
     * @param byStaff started by a staff member's own action (a resolution note): it reaches the customer
     *                also while a person has the chat, since that person knows of it; other outreach waits
     */
    record Outreach(String key, String flow, java.util.Map<String, String> slots, boolean byStaff) implements Content {
        public Outreach {
            slots = java.util.Map.copyOf(slots);
        }

        /** Outreach Rapport starts by itself (a job, a campaign): it waits while a person has the chat. */
        public Outreach(String key, String flow, java.util.Map<String, String> slots) {
            this(key, flow, slots, false);
        }
    }
}
