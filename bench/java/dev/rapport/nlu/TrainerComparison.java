package dev.rapport.nlu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the models with each OpenNLP algorithm and scores them on the held-out sets, to choose
 * {@link Trainer#standard()}. Features and training data are the shipped ones; only the
 * algorithm and its settings vary. Scores are of the models alone: best label, no UNKNOWN
 * threshold, language given by the file name. Run with {@code bench/nlu-compare.sh}.
 *
 * <p>Arguments: [nluDir [heldOutDir]], defaults conversations/nlu and src/test/resources/nlu/heldout.
 */
public final class TrainerComparison {

    record Candidate(String name, TrainingParameters parameters) {}

    public static void main(String[] args) {
        Path nluDir = Path.of(args.length > 0 ? args[0] : "conversations/nlu");
        Path heldOutDir = Path.of(args.length > 1 ? args[1] : "src/test/resources/nlu/heldout");
        TrainingData data = new TrainingData(nluDir);
        System.out.printf(
                Locale.ROOT,
                "%-44s %7s %7s %7s %7s %7s %7s %7s %7s %8s%n",
                "algorithm",
                "en int",
                "en cF1",
                "en sent",
                "en pol",
                "zh int",
                "zh cF1",
                "zh sent",
                "zh pol",
                "train s");
        for (Candidate candidate : candidates()) {
            Trainer trainer = new Trainer(candidate.parameters());
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-44s", candidate.name()));
            long start = System.nanoTime();
            for (String language : TrainingData.LANGUAGES) {
                List<LabelledText> intents = data.read(language, Task.INTENT);
                List<LabelledText> sentiment =
                        TrainingData.sentimentExamples(data.read(language, Task.SENTIMENT), intents);
                Evaluation intentScores = score(
                        trainer.train(language, intents), heldOutDir.resolve(language + "-intents.tsv"), Task.INTENT);
                Evaluation sentimentScores = score(
                        trainer.train(language, sentiment),
                        heldOutDir.resolve(language + "-sentiment.tsv"),
                        Task.SENTIMENT);
                row.append(String.format(
                        Locale.ROOT,
                        " %7.3f %7.3f %7.3f %7.3f",
                        intentScores.accuracy(),
                        intentScores.complaintF1(),
                        sentimentScores.accuracy(),
                        sentimentScores.polarityAccuracy()));
            }
            row.append(String.format(Locale.ROOT, " %8.1f", (System.nanoTime() - start) / 1e9));
            System.out.println(row);
        }
    }

    private static List<Candidate> candidates() {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("maxent GIS, 100 iterations", Trainer.parameters("MAXENT", 100, 1)));
        candidates.add(new Candidate("maxent GIS, 300 iterations", Trainer.parameters("MAXENT", 300, 1)));
        for (double l2 : new double[] {0.3, 1.0, 2.0, 4.0}) {
            TrainingParameters parameters = Trainer.parameters("MAXENT_QN", 100, 1);
            parameters.put("L1Cost", 0.0);
            parameters.put("L2Cost", l2);
            candidates.add(new Candidate("maxent L-BFGS, L2 " + l2, parameters));
        }
        candidates.add(
                new Candidate("maxent L-BFGS, L1 0.1 L2 0.1 (OpenNLP's)", Trainer.parameters("MAXENT_QN", 100, 1)));
        candidates.add(new Candidate("naive Bayes", Trainer.parameters("NAIVEBAYES", 1, 1)));
        candidates.add(new Candidate("perceptron, 100 iterations", Trainer.parameters("PERCEPTRON", 100, 1)));
        return candidates;
    }

    /** Scores the model alone: best label, no UNKNOWN threshold, no language detection. */
    static Evaluation score(Categorizer model, Path heldOut, Task task) {
        if (!Files.isRegularFile(heldOut)) {
            return Evaluation.of(task.labels(), List.of(), List.of());
        }
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (LabelledText example : LabelledTexts.read(heldOut, task)) {
            gold.add(example.label());
            predicted.add(model.label(Categorizer.best(model.probabilities(Trainer.tokens(example.text())))));
        }
        return Evaluation.of(task.labels(), gold, predicted);
    }
}
