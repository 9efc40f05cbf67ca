package dev.rapport.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Random;

/**
 * A generated demo shop: customers (Chinese and English speakers) and two years of purchases, in
 * the CSV formats of {@code customers import} and {@code purchases import}. The same day gives the
 * same shop (a fixed seed). A few customers spend a lot (key and major tiers), most a little, and some
 * stopped buying months ago (win-back candidates). Immutable.
 */
record DemoShop(String customersCsv, String purchasesCsv) {

    static final int CUSTOMERS = 300;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {
        "芳", "伟", "敏", "洋", "静", "磊", "丽", "强", "婷", "军", "娜", "涛", "超", "琳", "斌", "燕", "勇", "雪", "峰", "佳"
    };
    private static final String[] FIRST = {
        "Emma", "Oliver", "Amelia", "Jack", "Sophie", "Harry", "Grace", "Thomas", "Chloe", "James", "Lucy", "Daniel",
        "Ella", "Samuel", "Mia"
    };
    private static final String[] LAST = {
        "Clarke", "Hughes", "Ward", "Turner", "Bennett", "Collins", "Morgan", "Reed", "Parker", "Foster", "Hayes",
        "Price", "Brooks", "Gray", "Russell"
    };

    static DemoShop generate(LocalDate today) {
        var random = new Random(20_240_117L);
        var customers = new StringBuilder("external_id,name,phone,email,language,time_zone\n");
        var purchases = new StringBuilder("external_id,customer_external_id,amount,margin,currency,purchased_at\n");
        int purchaseNumber = 0;
        for (int n = 1; n <= CUSTOMERS; n++) {
            boolean chinese = random.nextInt(10) < 7;
            String name = chinese
                    ? SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String id = DemoData.PREFIX + String.format("%04d", n);
            customers
                    .append(id)
                    .append(',')
                    .append(name)
                    .append(",+86139")
                    .append(String.format("%08d", 10_000_000 + n))
                    .append(',')
                    .append("customer")
                    .append(n)
                    .append("@example.com,")
                    .append(chinese ? "zh" : "en")
                    .append(',')
                    .append(chinese ? "Asia/Shanghai" : "Europe/London")
                    .append('\n');
            // Spend follows a long tail: a handful of big spenders, a broad middle, many occasional buyers.
            double appetite = Math.exp(random.nextGaussian() * 1.1);
            int orders = n <= 4 ? 30 + random.nextInt(20) : (int) Math.round(appetite * 4);
            // About one customer in six stopped buying between 4 and 14 months ago.
            int lapsedDays = random.nextInt(6) == 0 ? 120 + random.nextInt(300) : 0;
            for (int order = 0; order < orders; order++) {
                int daysAgo = lapsedDays + random.nextInt(730 - lapsedDays);
                BigDecimal amount = BigDecimal.valueOf((n <= 4 ? 800 : 40) + random.nextDouble() * appetite * 300)
                        .setScale(2, RoundingMode.HALF_UP);
                BigDecimal margin = amount.multiply(BigDecimal.valueOf(0.2 + random.nextDouble() * 0.2))
                        .setScale(2, RoundingMode.HALF_UP);
                purchases
                        .append("DEMO-P")
                        .append(String.format("%06d", ++purchaseNumber))
                        .append(',')
                        .append(id)
                        .append(',')
                        .append(amount.toPlainString())
                        .append(',')
                        .append(margin.toPlainString())
                        .append(",CNY,")
                        .append(today.minusDays(daysAgo))
                        .append('\n');
            }
        }
        return new DemoShop(customers.toString(), purchases.toString());
    }
}
