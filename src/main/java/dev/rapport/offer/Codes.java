package dev.rapport.offer;

import java.security.SecureRandom;

/**
 * Redeemable codes: 10 characters from an alphabet without the look-alikes 0/O and 1/I, drawn from
 * {@link SecureRandom} (32^10 ≈ 10^15 codes, so guessing one is hopeless). Thread-safe.
 */
final class Codes {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 10;
    private final SecureRandom random = new SecureRandom();

    String next() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, as stored: upper case, without spaces and dashes. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.strip().replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
