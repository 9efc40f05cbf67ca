package dev.rapport.it;

/** Telegram updates for tests, in the Bot API's current shape. */
public final class Updates {

    private Updates() {}

    public static String text(long updateId, long chatId, String text) {
        return text(updateId, chatId, text, "en");
    }

    public static String text(long updateId, long chatId, String text, String languageCode) {
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
                  "from": {"id": %d, "is_bot": false, "first_name": "Ada", "language_code": "%s"},
                  "chat": {"id": %d, "type": "private", "first_name": "Ada"},
                  "text": %s%s}}""".formatted(
                        updateId,
                        updateId,
                        chatId,
                        languageCode,
                        chatId,
                        json(text),
                        text.startsWith("/")
                                ? ", \"entities\": [{\"type\": \"bot_command\", \"offset\": 0, \"length\": "
                                        + text.split(" ")[0].length() + "}]"
                                : "");
    }

    public static String button(long updateId, long chatId, String data, long messageId) {
        return """
                {"update_id": %d, "callback_query": {"id": "cb-%d", "chat_instance": "1",
                  "from": {"id": %d, "is_bot": false, "first_name": "Ada", "language_code": "en"},
                  "message": {"message_id": %d, "date": 1700000000, "chat": {"id": %d, "type": "private"}, "text": "menu"},
                  "data": %s}}""".formatted(updateId, updateId, chatId, messageId, chatId, json(data));
    }

    /** A private photo in two sizes ({@code fileId} the larger one), with a caption when not null. */
    public static String photo(long updateId, long chatId, String fileId, String caption, String languageCode) {
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
                  "from": {"id": %d, "is_bot": false, "first_name": "Ada", "language_code": "%s"},
                  "chat": {"id": %d, "type": "private", "first_name": "Ada"},
                  "photo": [{"file_id": "%s-small", "file_unique_id": "s%d", "width": 90, "height": 90},
                            {"file_id": "%s", "file_unique_id": "b%d", "width": 1280, "height": 960}]%s}}""".formatted(
                        updateId,
                        updateId,
                        chatId,
                        languageCode,
                        chatId,
                        fileId,
                        updateId,
                        fileId,
                        updateId,
                        caption == null ? "" : ", \"caption\": " + json(caption));
    }

    /**
     * A shared contact. The contact button shares the sender's own number with their {@code user_id};
     * a contact from the address book has another person's id, or none ({@code contactUserId} null).
     */
    public static String contact(
            long updateId, long chatId, String phoneNumber, Long contactUserId, String languageCode) {
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
                  "from": {"id": %d, "is_bot": false, "first_name": "Ada", "language_code": "%s"},
                  "chat": {"id": %d, "type": "private", "first_name": "Ada"},
                  "contact": {"phone_number": %s, "first_name": "Ada"%s}}}""".formatted(
                        updateId,
                        updateId,
                        chatId,
                        languageCode,
                        chatId,
                        json(phoneNumber),
                        contactUserId == null ? "" : ", \"user_id\": " + contactUserId);
    }

    static String json(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
