package dev.rapport.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The stylesheet every server-rendered page links first ({@code page.css} beside this class: the
 * shared variables, type and plain controls), served once at {@link #PATH}; the console and the
 * dashboard then add only their own rules. Public: the sign-in page needs it too.
 */
public final class PageStyle {

    public static final String PATH = "/assets/page.css";
    public static final String CONTENT_TYPE = "text/css; charset=utf-8";

    /** The stylesheet's text, read once when the class loads; a String, so immutable and thread-safe. */
    public static final String CSS = read();

    private PageStyle() {}

    private static String read() {
        try (InputStream in = PageStyle.class.getResourceAsStream("page.css")) {
            if (in == null) {
                throw new IllegalStateException("Missing page.css beside " + PageStyle.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
