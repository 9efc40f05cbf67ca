package dev.rapport.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String hash = passwords.hash("correct horse battery".toCharArray());
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches("correct horse battery".toCharArray(), hash))
                .isTrue();
        assertThat(passwords.matches("correct horse batterY".toCharArray(), hash))
                .isFalse();
        assertThat(passwords.hash("correct horse battery".toCharArray())).isNotEqualTo(hash); // salted
    }

    @Test
    void aNewPasswordMustBeLongEnough() {
        assertThatThrownBy(() -> Passwords.checkAcceptable("short".toCharArray()))
                .hasMessageContaining("at least 10");
        assertThat(passwords.generate()).hasSize(16);
    }
}
