package dev.rapport.channel.webchat;

/** Lets integration tests derive a session's chat key the way the server does. */
public final class WebchatTestAccess {

    private WebchatTestAccess() {}

    public static String chatKeyOf(String cookieToken) {
        return WebchatSessions.keyOf(cookieToken);
    }
}
