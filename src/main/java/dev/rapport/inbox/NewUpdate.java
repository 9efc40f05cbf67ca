package dev.rapport.inbox;

/**
 * An update as a channel's edge hands it to the {@link Intake}: already split into what the inbox
 * needs to order and deduplicate it, with the body kept whole.
 *
 * @param channel    {@code telegram} or {@code webchat}
 * @param updateId   the channel's id, unique per channel; null only when the body could not be read
 * @param chatKey    the chat whose queue it joins; null when there is nothing to answer
 * @param kind       the update's type ({@code message}, {@code callback_query}, …) when known
 * @param payload    the body when it is JSON (stored as jsonb), else null
 * @param rawBody    the body when it is not JSON, else null
 * @param status     {@link UpdateStatus#PENDING} to be processed, or already decided
 * @param reason     why it is rejected or ignored; null when pending
 */
public record NewUpdate(
        String channel,
        Long updateId,
        String chatKey,
        String kind,
        String payload,
        String rawBody,
        UpdateStatus status,
        String reason) {

    public static NewUpdate pending(String channel, long updateId, String chatKey, String kind, String payload) {
        return new NewUpdate(channel, updateId, chatKey, kind, payload, null, UpdateStatus.PENDING, null);
    }

    /** Stored for the record but never processed: unparseable, unsupported, or not for a chat Rapport serves. */
    public static NewUpdate settled(
            String channel,
            Long updateId,
            String chatKey,
            String kind,
            String payload,
            String rawBody,
            UpdateStatus status,
            String reason) {
        return new NewUpdate(channel, updateId, chatKey, kind, payload, rawBody, status, reason);
    }
}
