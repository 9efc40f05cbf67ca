package dev.rapport.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a {@link Categorizer} from labelled examples. Training is deterministic: one thread, a
 * fixed number of iterations, a fixed cutoff and examples in file order, so the same files always
 * give the same model. Stateless and thread-safe.
 */
final class Trainer {

    private final TrainingParameters parameters;

    Trainer(TrainingParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The parameters Rapport ships with: maximum entropy fitted by L-BFGS with an L2 penalty of 0.3
     * and no L1 penalty, 100 iterations (it has converged by then), every feature seen at least once.
     * {@code bench/nlu-compare.sh} trains each OpenNLP algorithm on the same data and features and
     * scores it on the held-out sets; this setting had the best complaint F1 and polarity accuracy
     * in both languages. Unpenalised maxent (GIS) lets the many word and n-gram features of the
     * training sentences drown the few general lexicon features (English polarity 0.86 against
     * 0.89); naive Bayes and the perceptron lost 0.04 to 0.08 of complaint F1; penalties of 1.0 and
     * more cost Chinese what they gained in English. Change {@link ChatFeatures#VERSION} with these
     * values so cached models are retrained.
     */
    static Trainer standard() {
        TrainingParameters parameters = parameters("MAXENT_QN", 100, 1);
        parameters.put("L1Cost", 0.0);
        parameters.put("L2Cost", 0.3);
        return new Trainer(parameters);
    }

    Categorizer train(String language, List<LabelledText> examples) {
        List<DocumentSample> samples = examples.stream()
                .map(example -> new DocumentSample(example.label(), tokens(example.text())))
                .toList();
        try {
            var model = DocumentCategorizerME.train(
                    language,
                    new CollectionObjectStream<>(samples),
                    parameters,
                    new DoccatFactory(ChatFeatures.generators()));
            return new Categorizer(language, (AbstractModel) model.getMaxentModel());
        } catch (IOException e) {
            throw new UncheckedIOException("training reads from memory and cannot fail to read", e);
        }
    }

    static String[] tokens(String text) {
        return ChatTokenizer.tokens(ChatNormalizer.normalize(text));
    }

    static TrainingParameters parameters(String algorithm, int iterations, int cutoff) {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        return parameters;
    }
}
