package dev.rapport.nlu;

import java.util.regex.Pattern;

/**
 * Text that is not a customer talking: markup, program code, spreadsheet formulas, injection
 * probes. Pasted or typed by testers and bots, they carry no opinion and no request, so Rapport
 * reads them as neutral with no intent rather than letting stray words ("alert", "true", "IF")
 * pass for praise or a complaint. Markup tags are removed from ordinary text before it is read
 * ("&lt;b&gt;terrible&lt;/b&gt; service" is still a complaint). Stateless and thread-safe.
 */
final class NotChat {

    private static final Pattern SCRIPT = Pattern.compile("<(script|style)\\b[^>]*>.*?(</\\1\\s*>|$)", Pattern.DOTALL);
    private static final Pattern TAG =
            Pattern.compile("<!--.*?-->|</?[a-z][a-z0-9-]*(\\s[^<>]{0,300})?/?>", Pattern.DOTALL);
    private static final Pattern FORMULA =
            Pattern.compile("^[=+]\\s*([a-z][a-z0-9_.]*\\s*\\(|\\$?[a-z]{1,3}\\$?[0-9]+)");
    private static final Pattern SQL = Pattern.compile(
            "^(select|insert\\s+into|update|delete\\s+from|drop\\s+table)\\b.*(;|\\*|=|\\bfrom\\b.*\\bwhere\\b)");
    private static final Pattern INJECTION =
            Pattern.compile("['\"]\\s*(or|and)\\s+['\"]?\\w+['\"]?\\s*=\\s*['\"]?\\w+|--\\s*$");
    private static final Pattern CALL = Pattern.compile("\\b[a-z_$][\\w$]*(\\.[a-z_$][\\w$]*)+\\s*\\(");
    private static final Pattern WHOLE_CALL = Pattern.compile("^[a-z_$][\\w$.]*\\(.*\\)\\s*;?$");
    private static final Pattern KEYWORDS = Pattern.compile(
            "\\bfunction\\s*\\w*\\s*\\(|\\b(var|const|let)\\s+\\w+\\s*=|\\bdef\\s+\\w+\\s*\\(|#include\\b|\\breturn\\b[^;]*;");
    private static final String CODE_CHARS = "{}();=[]<>$\\|&";

    private NotChat() {}

    /** {@code normalized} without markup tags and script or style bodies; the text itself when it has none. */
    static String withoutMarkup(String normalized) {
        if (normalized.indexOf('<') < 0) {
            return normalized;
        }
        String stripped =
                TAG.matcher(SCRIPT.matcher(normalized).replaceAll(" ")).replaceAll(" ");
        return stripped.equals(normalized)
                ? normalized
                : stripped.replaceAll("\\s+", " ").strip();
    }

    /**
     * True for normalised text that is code, a formula, JSON or an injection probe rather than
     * words to a business. Errs towards false: a question with a snippet in it stays a question.
     */
    static boolean isCode(String normalized) {
        if (normalized.isEmpty()) {
            return false;
        }
        char first = normalized.charAt(0);
        if ((first == '=' || first == '+') && FORMULA.matcher(normalized).find()) {
            return true;
        }
        if (first == '{' && normalized.endsWith("}") || first == '[' && normalized.endsWith("]")) {
            return true;
        }
        if (SQL.matcher(normalized).find() || INJECTION.matcher(normalized).find()) {
            return true;
        }
        int code = 0;
        int other = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (CODE_CHARS.indexOf(c) >= 0) {
                code++;
            } else if (c != ' ') {
                other++;
            }
        }
        if (code < 2) {
            return false;
        }
        return code >= 4 && code * 4 >= code + other
                || WHOLE_CALL.matcher(normalized).find()
                || KEYWORDS.matcher(normalized).find()
                || CALL.matcher(normalized).find() && normalized.split(" ").length <= 6;
    }
}
