package dev.rapport.channel.webchat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a file a customer sends really is, from its first bytes (its "magic"), never from its name or
 * the type the browser claims: JPEG, PNG, GIF and WebP pictures are photos, PDF is a document;
 * anything else is refused. Stateless; thread-safe.
 */
final class FileKinds {

    /** A recognised file: {@code kind} as the engine names media ({@code photo}, {@code document}). */
    record Sniffed(String kind, String contentType, String extension) {}

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private FileKinds() {}

    static Optional<Sniffed> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, JPEG)) {
            return Optional.of(new Sniffed("photo", "image/jpeg", "jpg"));
        }
        if (startsWith(bytes, 0, PNG)) {
            return Optional.of(new Sniffed("photo", "image/png", "png"));
        }
        if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
            return Optional.of(new Sniffed("photo", "image/gif", "gif"));
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
            return Optional.of(new Sniffed("photo", "image/webp", "webp"));
        }
        if (startsWith(bytes, 0, PDF)) {
            return Optional.of(new Sniffed("document", "application/pdf", "pdf"));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length
                && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }
}
