package dev.rapport.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers china = new PhoneNumbers(86);

    @Test
    void internationalNumbersKeepTheirCountryCodeWhateverTheFormatting() {
        assertThat(china.normalise("+86 138-0013-8000")).contains("+8613800138000");
        assertThat(china.normalise("0086 (138) 0013.8000")).contains("+8613800138000");
        assertThat(china.normalise("+44 20 7946 0018")).contains("+442079460018");
    }

    @Test
    void nationalNumbersGetTheDefaultCountryCodeWithoutTheTrunkZero() {
        assertThat(china.normalise("13800138000")).contains("+8613800138000");
        assertThat(china.normalise("010 1234 5678")).contains("+861012345678");
        assertThat(new PhoneNumbers(44).normalise("020 7946 0018")).contains("+442079460018");
    }

    @Test
    void italianNumbersKeepTheirLeadingZeroWhichIsPartOfTheNumberNotATrunkPrefix() {
        var italy = new PhoneNumbers(39);
        assertThat(italy.normalise("06 1234 5678")).contains("+390612345678");
        assertThat(italy.normalise("+39 06 1234 5678")).contains("+390612345678");
        assertThat(china.normalise("0039 06 1234 5678")).contains("+390612345678");
        assertThat(italy.normalise("347 123 4567"))
                .as("a mobile number has none")
                .contains("+393471234567");
    }

    @Test
    void telegramSharesInternationalNumbersWithOrWithoutThePlus() {
        assertThat(china.normaliseInternational("8613800138000")).contains("+8613800138000");
        assertThat(china.normaliseInternational("+8613800138000")).contains("+8613800138000");
        assertThat(china.normaliseInternational("390612345678")).contains("+390612345678");
    }

    @Test
    void whatIsNoPhoneNumberIsRejected() {
        assertThat(china.normalise("call me")).isEmpty();
        assertThat(china.normalise("911")).isEmpty();
        assertThat(china.normaliseInternational("911")).isEmpty();
        assertThat(china.normalise("+86 138 0013 8000 0000 0")).isEmpty();
        assertThat(china.normalise("+8613800138000+1")).isEmpty();
        assertThat(china.normalise("")).isEmpty();
        assertThat(china.normalise(null)).isEmpty();
    }
}
