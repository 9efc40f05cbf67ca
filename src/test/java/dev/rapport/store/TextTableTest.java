package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables line up by what a terminal shows: a Chinese character is two columns wide. */
class TextTableTest {

    @Test
    void chineseCharactersAndFullWidthFormsTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(DisplayWidth.of("Ada")).isEqualTo(3);
        assertThat(DisplayWidth.of("王小明")).isEqualTo(6);
        assertThat(DisplayWidth.of("李雷 Li")).isEqualTo(7);
        assertThat(DisplayWidth.of("１２３")).isEqualTo(6); // full-width digits
        assertThat(DisplayWidth.of("，。")).isEqualTo(4); // CJK punctuation
        assertThat(DisplayWidth.of("한국")).isEqualTo(4); // Hangul
        assertThat(DisplayWidth.of("e\u0301")).isEqualTo(1); // e + combining acute
        assertThat(DisplayWidth.of("😀")).isEqualTo(2);
        assertThat(DisplayWidth.of("𠀀")).isEqualTo(2); // CJK Extension B, outside the BMP
        assertThat(DisplayWidth.of((String) null)).isZero();
    }

    @Test
    void columnsAlignWithChineseNames() {
        List<String> lines = TextTable.of("NAME", "TIER", "VALUE")
                .right(2)
                .row("王小明", "key", 1200)
                .row("Ada Lovelace", "major", 35)
                .row("欧阳娜娜 Nana", "small", 7)
                .lines();
        assertThat(lines)
                .containsExactly(
                        "NAME          TIER  VALUE",
                        "王小明        key    1200",
                        "Ada Lovelace  major    35",
                        "欧阳娜娜 Nana small     7");
        // every column starts at the same display column on every line
        for (String line : lines) {
            assertThat(DisplayWidth.of(line)).isEqualTo(DisplayWidth.of(lines.get(0)));
        }
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderAndEmptyCellsStillLinesUp() {
        assertThat(TextTable.of("名字", "状态").row("张三", null, "extra").row("Bob").lines())
                .containsExactly("名字 状态", "张三      extra", "Bob");
    }
}
