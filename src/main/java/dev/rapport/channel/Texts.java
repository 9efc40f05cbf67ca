package dev.rapport.channel;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a typed text is: a slash command ({@code /start@RapportBot payload}) or plain text. Stateless. */
public final class Texts {

    private static final Pattern COMMAND =
            Pattern.compile("^/([A-Za-z0-9_]{1,64})(?:@\\w+)?(?:\\s+(.*))?$", Pattern.DOTALL);

    private Texts() {}

    public static Content read(String text) {
        Matcher command = COMMAND.matcher(text.strip());
        if (command.matches()) {
            String argument = command.group(2) == null ? "" : command.group(2).strip();
            return new Content.Command(command.group(1).toLowerCase(Locale.ROOT), argument);
        }
        return new Content.Text(text);
    }
}
