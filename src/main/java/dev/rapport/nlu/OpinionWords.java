package dev.rapport.nlu;

import java.util.Map;
import java.util.Set;

/**
 * Words of praise and blame as customers use them, written for Rapport: English service words
 * the general {@link PolarityLexicon} does not rate ("soggy", "flimsy", "spotless"), and a
 * Chinese word list (差评, 踩雷, 绝了, 有点慢) with its negations (不, 没, 别) and degree words
 * (太, 有点). Also the contrast words that make the later clause weigh more ("but", 但是, 不过,
 * 就是) and the concession words that make their own clause weigh less ("although", 虽然).
 *
 * <p>Immutable constants; change {@link ChatFeatures#VERSION} with any list so cached models
 * are retrained.
 */
final class OpinionWords {

    /** English ratings in VADER's scale (-4..4) that add to or override the general lexicon. */
    static final Map<String, Double> ENGLISH = Map.ofEntries(
            Map.entry("slow", -1.5),
            Map.entry("late", -1.5),
            Map.entry("cold", -1.0),
            Map.entry("soggy", -2.0),
            Map.entry("flimsy", -1.8),
            Map.entry("stained", -1.8),
            Map.entry("filthy", -2.5),
            Map.entry("mould", -2.0),
            Map.entry("mouldy", -2.2),
            Map.entry("overpriced", -2.0),
            Map.entry("leaks", -1.5),
            Map.entry("leaking", -1.5),
            Map.entry("crashed", -1.5),
            Map.entry("crashes", -1.5),
            Map.entry("crashing", -1.5),
            Map.entry("dented", -1.5),
            Map.entry("scratched", -1.5),
            Map.entry("cramped", -1.2),
            Map.entry("unusable", -2.5),
            Map.entry("useless", -2.0),
            Map.entry("smelled", -1.0),
            Map.entry("smells", -1.0),
            Map.entry("burnt", -1.5),
            Map.entry("raw", -1.0),
            Map.entry("rattled", -1.0),
            Map.entry("thin", -1.0),
            Map.entry("cancelled", -1.2),
            Map.entry("missed", -1.2),
            Map.entry("ignored", -1.8),
            Map.entry("ignoring", -1.8),
            Map.entry("overcharged", -2.2),
            Map.entry("refused", -1.5),
            Map.entry("shattered", -2.0),
            Map.entry("soaked", -1.5),
            Map.entry("bland", -1.5),
            Map.entry("greasy", -1.5),
            Map.entry("lukewarm", -1.2),
            Map.entry("trash", -2.5),
            Map.entry("garbage", -2.5),
            Map.entry("meh", -1.2),
            Map.entry("smh", -1.5),
            Map.entry("ugh", -1.5),
            Map.entry("ffs", -2.0),
            Map.entry("yikes", -1.5),
            Map.entry("scam", -2.8),
            Map.entry("ripoff", -2.5),
            Map.entry("fresh", 1.3),
            Map.entry("spotless", 2.5),
            Map.entry("tasty", 2.2),
            Map.entry("crispy", 1.5),
            Map.entry("comfy", 1.8),
            Map.entry("cosy", 1.8),
            Map.entry("cozy", 1.8),
            Map.entry("quick", 1.2),
            Map.entry("fast", 1.2),
            Map.entry("punctual", 1.8),
            Map.entry("tidy", 1.5),
            Map.entry("sturdy", 1.5),
            Map.entry("polite", 1.8),
            Map.entry("attentive", 1.8),
            Map.entry("spacious", 1.5),
            Map.entry("thorough", 1.5),
            Map.entry("flawless", 3.0),
            Map.entry("slaps", 2.0),
            Map.entry("legend", 2.5));

    /** English words after which the clause that follows weighs more. */
    static final Set<String> ENGLISH_CONTRAST =
            Set.of("but", "however", "though", "yet", "except", "unfortunately", "sadly", "shame", "pity");

    /** English words that open a concession: their own clause weighs less ("although it was late, …"). */
    static final Set<String> ENGLISH_CONCESSION = Set.of("although", "despite");

    /** Chinese opinion words, longest first when they overlap; a word is matched whole before its parts. */
    static final Map<String, Double> CHINESE = Map.ofEntries(
            // positive
            Map.entry("不错", 2.0),
            Map.entry("满意", 2.0),
            Map.entry("喜欢", 2.0),
            Map.entry("推荐", 1.8),
            Map.entry("赞", 2.2),
            Map.entry("棒", 2.2),
            Map.entry("干净", 1.5),
            Map.entry("舒服", 1.8),
            Map.entry("新鲜", 1.5),
            Map.entry("好吃", 2.2),
            Map.entry("好喝", 2.0),
            Map.entry("好用", 2.0),
            Map.entry("好看", 1.8),
            Map.entry("值", 1.5),
            Map.entry("贴心", 2.2),
            Map.entry("热情", 2.0),
            Map.entry("专业", 1.5),
            Map.entry("耐心", 1.8),
            Map.entry("感谢", 2.0),
            Map.entry("谢谢", 1.5),
            Map.entry("完美", 2.8),
            Map.entry("惊喜", 2.2),
            Map.entry("划算", 1.8),
            Map.entry("实惠", 1.8),
            Map.entry("方便", 1.3),
            Map.entry("靠谱", 2.0),
            Map.entry("绝了", 2.5),
            Map.entry("好评", 2.5),
            Map.entry("给力", 2.2),
            Map.entry("精致", 1.8),
            Map.entry("漂亮", 1.8),
            Map.entry("优秀", 2.2),
            Map.entry("开心", 2.0),
            Map.entry("放心", 1.8),
            Map.entry("周到", 2.0),
            Map.entry("及时", 1.5),
            Map.entry("快", 1.0),
            Map.entry("爱了", 2.5),
            Map.entry("香", 1.5),
            Map.entry("没毛病", 2.0),
            Map.entry("没得挑", 2.5),
            Map.entry("挑不出", 2.0),
            Map.entry("物超所值", 2.8),
            Map.entry("性价比高", 2.2),
            Map.entry("回购", 1.8),
            Map.entry("温馨", 1.8),
            Map.entry("整洁", 1.5),
            Map.entry("正宗", 1.8),
            Map.entry("嫩", 1.2),
            Map.entry("软糯", 1.5),
            Map.entry("流畅", 1.5),
            Map.entry("清晰", 1.3),
            Map.entry("结实", 1.5),
            Map.entry("准时", 1.8),
            Map.entry("客气", 1.5),
            Map.entry("用心", 2.0),
            Map.entry("暖心", 2.2),
            Map.entry("yyds", 2.5),
            // negative
            Map.entry("差", -2.0),
            Map.entry("慢", -1.5),
            Map.entry("坏", -1.8),
            Map.entry("脏", -2.0),
            Map.entry("烂", -2.2),
            Map.entry("贵", -1.2),
            Map.entry("垃圾", -2.8),
            Map.entry("差评", -2.8),
            Map.entry("踩雷", -2.5),
            Map.entry("坑", -2.2),
            Map.entry("失望", -2.2),
            Map.entry("后悔", -2.2),
            Map.entry("难吃", -2.5),
            Map.entry("凉", -1.2),
            Map.entry("吵", -1.5),
            Map.entry("臭", -2.0),
            Map.entry("霉", -2.0),
            Map.entry("漏", -1.5),
            Map.entry("破", -1.3),
            Map.entry("碎", -1.5),
            Map.entry("错", -1.3),
            Map.entry("没用", -2.0),
            Map.entry("不行", -2.0),
            Map.entry("无语", -2.2),
            Map.entry("恶心", -2.8),
            Map.entry("糟糕", -2.5),
            Map.entry("敷衍", -2.2),
            Map.entry("推诿", -2.2),
            Map.entry("骗", -2.5),
            Map.entry("过分", -2.2),
            Map.entry("生气", -2.2),
            Map.entry("气死", -2.8),
            Map.entry("郁闷", -2.0),
            Map.entry("折腾", -1.8),
            Map.entry("闪退", -2.0),
            Map.entry("延误", -1.5),
            Map.entry("迟到", -1.5),
            Map.entry("不耐烦", -2.2),
            Map.entry("粗糙", -2.0),
            Map.entry("劣质", -2.5),
            Map.entry("照骗", -2.5),
            Map.entry("心累", -2.2),
            Map.entry("离谱", -2.2),
            Map.entry("拉胯", -2.2),
            Map.entry("呵呵", -1.5),
            Map.entry("服了", -1.8),
            Map.entry("醉了", -1.8),
            Map.entry("智商税", -2.5),
            Map.entry("翻车", -2.0),
            Map.entry("一言难尽", -2.0),
            Map.entry("不值", -2.0),
            Map.entry("咸", -1.2),
            Map.entry("油腻", -1.5),
            Map.entry("简陋", -1.8),
            Map.entry("廉价", -1.8),
            Map.entry("发烫", -1.5),
            Map.entry("掉漆", -1.5),
            Map.entry("开胶", -1.8),
            Map.entry("污渍", -1.8),
            Map.entry("划痕", -1.5),
            Map.entry("缺口", -1.5),
            Map.entry("异味", -2.0),
            Map.entry("怪味", -2.0),
            Map.entry("态度差", -2.5),
            Map.entry("不满", -2.0),
            Map.entry("投诉", -1.5),
            Map.entry("坑人", -2.5),
            Map.entry("太坑", -2.5),
            Map.entry("超时", -1.5),
            Map.entry("绕路", -1.8),
            Map.entry("乱收费", -2.5),
            Map.entry("割韭菜", -2.5),
            Map.entry("寒心", -2.5),
            Map.entry("冤", -1.8),
            Map.entry("糟透", -2.8),
            Map.entry("倒霉", -2.0),
            Map.entry("烦", -1.8),
            Map.entry("烦死", -2.5));

    /** Chinese words that contain an opinion character without being an opinion (快递, 出差, 麻烦您). */
    static final Set<String> CHINESE_NOT_OPINION = Set.of(
            "快递", "快点", "尽快", "出差", "差不多", "差价", "时差", "差额", "凉菜", "凉快", "香港", "香蕉", "香菜", "贵姓", "宝贵", "值班", "数值", "麻烦",
            "破费", "错过", "好的", "不好意思", "不客气", "没关系", "坏账", "好评返现");

    /** Chinese negations: they turn the next opinion word around when it starts within two characters. */
    static final Set<String> CHINESE_NEGATIONS = Set.of("不", "没", "别", "无", "未");

    /** Chinese degree words that soften ("有点慢" is a polite complaint, still negative). */
    static final Set<String> CHINESE_SOFTENERS = Set.of("有点", "有些", "稍微", "略", "一点");

    /** Chinese degree words that strengthen. */
    static final Set<String> CHINESE_INTENSIFIERS = Set.of("太", "很", "非常", "特别", "超", "真", "好", "极", "死");

    /** Chinese contrast words: the clause from here on weighs more ("东西不错，就是包装太简陋"). */
    static final Set<String> CHINESE_CONTRAST = Set.of("但是", "但", "不过", "可是", "可惜", "就是", "只是", "然而", "却");

    /** Contrast words only when they open a clause: "这就是我要的" has no contrast, "，就是太慢" has. */
    static final Set<String> CHINESE_CLAUSE_OPENING_CONTRAST = Set.of("就是", "只是");

    /** Chinese concession words: their own clause weighs less ("虽然慢了点，但是很好吃"). */
    static final Set<String> CHINESE_CONCESSION = Set.of("虽然", "尽管", "虽说");

    /** Chinese wishes that something improve: a polite complaint ("希望改进", "建议加强"). */
    static final Set<String> CHINESE_WISH = Set.of("希望", "建议", "拜托", "能不能", "请");

    static final Set<String> CHINESE_IMPROVE = Set.of("改进", "提高", "改善", "注意", "加强", "优化", "改改", "提升");

    /** The longest key of {@link #CHINESE}, for matching. */
    static final int LONGEST_CHINESE = Math.max(
            CHINESE.keySet().stream().mapToInt(String::length).max().orElse(1),
            CHINESE_NOT_OPINION.stream().mapToInt(String::length).max().orElse(1));

    private OpinionWords() {}
}
