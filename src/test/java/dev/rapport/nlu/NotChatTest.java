package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotChatTest {

    private static boolean isCode(String text) {
        return NotChat.isCode(ChatNormalizer.normalize(text));
    }

    @Test
    void formulasCodeAndProbesAreNotChat() {
        for (String text : new String[] {
            "=SUM(A1)",
            "=SUM(A1:A10)",
            "=VLOOKUP(B2,Sheet2!A:C,3,FALSE)",
            "=A1+B1",
            "+IF(C3>100,\"yes\",\"no\")",
            "SELECT * FROM orders;",
            "' OR 1=1 --",
            "console.log(\"test\")",
            "print(\"hello world\")",
            "function f() { return 1; }",
            "{\"order\": 123, \"status\": \"ok\"}",
            "const total = items.length;",
            "if (a == b) { x = 1; } else { y = 2; }"
        }) {
            assertThat(isCode(text)).as(text).isTrue();
        }
    }

    @Test
    void customersWithBracketsOrSymbolsAreStillChat() {
        for (String text : new String[] {
            "where is my order?",
            "thanks (again)",
            "(1) my order (2) refund",
            "cold food => refund",
            "i <3 your app",
            "=)",
            "price = too high",
            "ur app slaps 🔥",
            "我的订单(12345)还没到",
            "delete from my account the old card please",
            "let me know when it ships",
            "5/5 would buy again!!",
            ""
        }) {
            assertThat(isCode(text)).as(text).isFalse();
        }
    }

    @Test
    void markupIsRemovedAndItsWordsKept() {
        assertThat(ChatNormalizer.normalize("<script>alert(1)</script>")).isEmpty();
        assertThat(ChatNormalizer.normalize("<b>Terrible</b> service <br/>")).isEqualTo("terrible service");
        assertThat(ChatNormalizer.normalize("<img src=x onerror=alert(1)>")).isEmpty();
        assertThat(ChatNormalizer.normalize("i <3 u")).isEqualTo("i <3 u");
        assertThat(ChatNormalizer.normalize("<style>p{color:red}</style>好评")).isEqualTo("好评");
    }
}
