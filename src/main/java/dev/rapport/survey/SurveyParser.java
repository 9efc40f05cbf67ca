package dev.rapport.survey;

import dev.rapport.config.YamlFile;
import dev.rapport.flow.FlowProblem;
import dev.rapport.flow.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one survey file, reporting every problem with file, line, survey and question. A survey
 * with problems is still returned when it has an id (without its broken questions), so the flows
 * that name it do not report it missing as well. Not thread-safe; one instance reads one file.
 */
final class SurveyParser {

    /** Ids and values travel in Telegram's 64-byte button data, so they are short and plain. */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,19}");

    private static final Set<String> SURVEY_KEYS =
            Set.of("id", "intro", "questions", "finish", "internal", "ces_scale");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "text", "options", "optional");
    private static final Set<String> OPTION_KEYS = Set.of("value", "text");
    private static final Set<String> FINISH_KEYS = Set.of("action", "outcomes", "text", "keep");
    static final String DEFAULT_CLOSING = "survey.thanks";

    private final Path file;
    private final List<FlowProblem> problems;
    private String surveyId;
    private String questionId;

    private SurveyParser(Path file, List<FlowProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    static Optional<Survey> parse(Path file, List<FlowProblem> problems) {
        return new SurveyParser(file, problems).parse();
    }

    private Optional<Survey> parse() {
        Optional<MappingNode> root = read();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Node> fields = fields(root.get(), SURVEY_KEYS, "a survey");
        surveyId = id(fields.get("id"), line(root.get()), "survey");
        int cesScale = cesScale(fields.get("ces_scale"));
        List<Survey.Question> questions = new ArrayList<>();
        Node list = fields.get("questions");
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(
                    list == null ? line(root.get()) : line(list),
                    "questions: expected a list of at least one question");
        } else {
            Set<String> ids = new HashSet<>();
            for (Node node : sequence.getValue()) {
                Optional<Survey.Question> question = question(node, cesScale);
                // Checked on every question written, also broken ones, so a duplicate is never missed.
                if (questionId != null && !ids.add(questionId)) {
                    problem(
                            line(node),
                            "duplicate question id '" + questionId + "'; every question of a survey needs its own id");
                } else {
                    question.ifPresent(questions::add);
                }
                questionId = null;
            }
        }
        Survey.Finish finish = finish(fields.get("finish"), line(root.get()));
        if (fields.get("ces_scale") != null && questions.stream().noneMatch(q -> q.type() == QuestionType.CES)) {
            problem(
                    line(fields.get("ces_scale")),
                    "ces_scale is set but the survey asks no ces question; "
                            + "remove ces_scale, or add a question of type ces");
        }
        if (surveyId == null) {
            return Optional.empty();
        }
        return Optional.of(new Survey(
                surveyId,
                text(fields.get("intro"), "intro", false),
                questions,
                finish,
                new Source(file, line(root.get())),
                flag(fields.get("internal"), "internal"),
                cesScale));
    }

    /** {@code ces_scale}: 5 or 7, the top of the scale the survey's CES questions are asked on; 7 when not set. */
    private int cesScale(Node node) {
        if (node == null) {
            return Survey.DEFAULT_CES_SCALE;
        }
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            String value = scalar.getValue().trim();
            for (int scale : Survey.CES_SCALES) {
                if (value.equals(String.valueOf(scale))) {
                    return scale;
                }
            }
        }
        problem(line(node), "ces_scale must be 5 or 7 (CES asked on 1-5 or on 1-7), not " + describe(node));
        return Survey.DEFAULT_CES_SCALE;
    }

    private Optional<Survey.Question> question(Node node, int cesScale) {
        if (!(node instanceof MappingNode map)) {
            problem(line(node), "a question must be a map (id, type, text, ...), not " + describe(node));
            return Optional.empty();
        }
        questionId = peekId(map); // so that problems found while reading the question can name it
        Map<String, Node> fields = fields(map, QUESTION_KEYS, "a question");
        questionId = id(fields.get("id"), line(map), "question");
        String typeWord = text(fields.get("type"), "type", true);
        Optional<QuestionType> type = typeWord == null ? Optional.empty() : QuestionType.of(typeWord);
        if (typeWord != null && type.isEmpty()) {
            problem(
                    line(fields.get("type")),
                    "unknown type '" + typeWord + "'; a question's type is one of "
                            + String.join(", ", QuestionType.words()));
        } else if (typeWord == null) {
            problem(
                    line(map),
                    "type is missing; a question's type is one of " + String.join(", ", QuestionType.words()));
        }
        String text = text(fields.get("text"), "text", true);
        if (text == null && fields.get("text") == null) {
            problem(line(map), "text is missing: the message key of the question");
        }
        boolean optional = flag(fields.get("optional"), "optional");
        List<Survey.Option> options = options(fields.get("options"), type.orElse(null), line(map));
        if (questionId == null || type.isEmpty() || text == null) {
            return Optional.empty();
        }
        int top = type.get() == QuestionType.CES ? cesScale : type.get().max;
        return Optional.of(
                new Survey.Question(questionId, type.get(), text, options, optional, new Source(file, line(map)), top));
    }

    private List<Survey.Option> options(Node node, QuestionType type, int questionLine) {
        if (type != null && !type.hasOptions()) {
            if (node != null) {
                problem(line(node), "options are only for single and multiple choice questions, not " + type.word);
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().size() < 2) {
            if (type != null) {
                problem(
                        node == null ? questionLine : line(node),
                        "options: a " + type.word
                                + " choice needs a list of at least two options ({value: ..., text: ...})");
            }
            return List.of();
        }
        List<Survey.Option> options = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode map)) {
                problem(line(item), "an option must be a map {value: ..., text: ...}, not " + describe(item));
                continue;
            }
            Map<String, Node> fields = fields(map, OPTION_KEYS, "an option");
            String value = text(fields.get("value"), "value", true);
            String text = text(fields.get("text"), "text", true);
            if (value == null || !ID.matcher(value).matches()) {
                problem(
                        line(map),
                        "option value " + (value == null ? "is missing" : "'" + value + "' is not valid")
                                + ": expected 1-20 of a-z, 0-9 and _, starting with a letter");
            } else if (!values.add(value)) {
                problem(line(map), "duplicate option value '" + value + "'; every option needs its own value");
            } else if (text == null) {
                problem(line(map), "option '" + value + "' has no text: the message key of its button");
            } else {
                options.add(new Survey.Option(value, text, new Source(file, line(map))));
            }
        }
        return options;
    }

    private Survey.Finish finish(Node node, int surveyLine) {
        if (node == null) {
            return new Survey.Finish(null, Map.of(), DEFAULT_CLOSING, List.of(), new Source(file, surveyLine));
        }
        if (!(node instanceof MappingNode map)) {
            problem(line(node), "finish must be a map (action, outcomes, text, keep), not " + describe(node));
            return new Survey.Finish(null, Map.of(), DEFAULT_CLOSING, List.of(), new Source(file, line(node)));
        }
        Map<String, Node> fields = fields(map, FINISH_KEYS, "finish");
        String action = text(fields.get("action"), "action", true);
        Map<String, String> outcomes = new LinkedHashMap<>();
        if (fields.get("outcomes") instanceof MappingNode outcomeMap) {
            for (NodeTuple tuple : outcomeMap.getValue()) {
                String outcome = ((ScalarNode) tuple.getKeyNode()).getValue();
                String key = text(tuple.getValueNode(), "outcomes." + outcome, true);
                if (key != null) {
                    outcomes.put(outcome, key);
                }
            }
        } else if (fields.get("outcomes") != null) {
            problem(line(fields.get("outcomes")), "outcomes must map an outcome of the action to a message key");
        }
        if (action == null && !outcomes.isEmpty()) {
            problem(line(map), "finish has outcomes but no action: outcomes are what the action returns");
        }
        List<String> keep = new ArrayList<>();
        if (fields.get("keep") instanceof SequenceNode list) {
            list.getValue().forEach(item -> keep.add(text(item, "keep", true)));
        } else if (fields.get("keep") != null) {
            problem(line(fields.get("keep")), "keep must be a list of slot names");
        }
        String closing = text(fields.get("text"), "text", false);
        return new Survey.Finish(
                action, outcomes, closing == null ? DEFAULT_CLOSING : closing, keep, new Source(file, line(map)));
    }

    private static String peekId(MappingNode map) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key
                    && key.getValue().equals("id")
                    && tuple.getValueNode() instanceof ScalarNode value
                    && ID.matcher(value.getValue()).matches()) {
                return value.getValue();
            }
        }
        return null;
    }

    private String id(Node node, int ownerLine, String what) {
        String id = text(node, "id", true);
        if (id == null) {
            problem(node == null ? ownerLine : line(node), what + " id is missing");
            return null;
        }
        if (!ID.matcher(id).matches()) {
            problem(
                    line(node),
                    what + " id '" + id + "' is not valid: expected 1-20 of a-z, 0-9 and _, starting with a letter");
            return null;
        }
        return id;
    }

    private Map<String, Node> fields(MappingNode map, Set<String> known, String what) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !known.contains(key)) {
                problem(
                        line(tuple.getKeyNode()),
                        "unknown key '" + key + "' in " + what + "; known keys: "
                                + String.join(", ", known.stream().sorted().toList()));
            } else if (fields.putIfAbsent(key, tuple.getValueNode()) != null) {
                problem(line(tuple.getKeyNode()), "key '" + key + "' is given twice; keep one");
            }
        }
        return fields;
    }

    private String text(Node node, String field, boolean reportEmpty) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar
                && !Tag.NULL.equals(scalar.getTag())
                && !scalar.getValue().isBlank()) {
            return scalar.getValue().trim();
        }
        if (reportEmpty || !(node instanceof ScalarNode)) {
            problem(line(node), field + " must be a text, not " + describe(node));
        }
        return null;
    }

    private boolean flag(Node node, String field) {
        if (node == null) {
            return false;
        }
        if (node instanceof ScalarNode scalar
                && (scalar.getValue().equals("true") || scalar.getValue().equals("false"))) {
            return scalar.getValue().equals("true");
        }
        problem(line(node), field + " must be true or false, not " + describe(node));
        return false;
    }

    private Optional<MappingNode> read() {
        return YamlFile.readMap(file, this::problem);
    }

    private void problem(int line, String message) {
        StringBuilder where = new StringBuilder();
        if (surveyId != null) {
            where.append("survey '").append(surveyId).append('\'');
        }
        if (questionId != null) {
            where.append(where.isEmpty() ? "" : ", ")
                    .append("question '")
                    .append(questionId)
                    .append('\'');
        }
        problems.add(new FlowProblem(file, line, null, null, (where.isEmpty() ? "" : where + ": ") + message));
    }

    private static int line(Node node) {
        return YamlFile.line(node);
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())
                ? "'" + scalar.getValue() + "'"
                : "nothing";
    }
}
