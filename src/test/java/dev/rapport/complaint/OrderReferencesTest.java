package dev.rapport.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OrderReferencesTest {

    static final Pattern SHIPPED = ComplaintsConfig.load(java.nio.file.Path.of("config/complaints.yaml"))
            .orderPattern();

    @Test
    void aReferenceInsideASentenceIsFound() {
        assertThat(OrderReferences.find(SHIPPED, "my order is #4455-99")).contains("4455-99");
        assertThat(OrderReferences.find(SHIPPED, "订单号是12345")).contains("12345");
        assertThat(OrderReferences.find(SHIPPED, "the order was A-4471209, delivered late"))
                .contains("A-4471209");
    }

    @Test
    void fullWidthDigitsAreOrdinaryDigits() {
        assertThat(OrderReferences.find(SHIPPED, "１２３４５６")).contains("123456");
        assertThat(OrderReferences.find(SHIPPED, "订单号：Ａ－１０２９３８")).contains("A-102938");
    }

    @Test
    void wordsWithoutAReferenceHaveNone() {
        assertThat(OrderReferences.find(SHIPPED, "it was last week")).isEmpty();
        assertThat(OrderReferences.find(SHIPPED, "call 12")).isEmpty();
        assertThat(OrderReferences.find(SHIPPED, "abc12345678901234567")).isEmpty();
    }
}
