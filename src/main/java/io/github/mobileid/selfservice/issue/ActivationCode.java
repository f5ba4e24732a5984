package io.github.mobileid.selfservice.issue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A single-use activation code: ten characters of Crockford's base32 (50 random bits), shown as
 * {@code ABCDE-FGHJK}. Typing is forgiving: case, dashes and spaces do not matter, and the letters
 * O, I and L read as the digits 0, 1 and 1.
 */
final class ActivationCode {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ActivationCode() {}

    static String newCode() {
        var code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The hex SHA-256 of the normalized code: what the database keeps instead of the code. */
    static String hash(String code) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(normalize(code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    private static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
    }
}
