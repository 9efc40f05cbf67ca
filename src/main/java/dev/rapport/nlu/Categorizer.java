package dev.rapport.nlu;

import java.util.Map;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.ml.model.AbstractModel;

/**
 * One trained model for one language and one task: tokens in, a probability per label out.
 *
 * <p>Immutable and thread-safe: in OpenNLP 2.5 {@link DocumentCategorizerME} holds only its final
 * model and context generator, our feature generators are stateless, and the maxent model
 * allocates its result array per call, so one instance serves all threads.
 */
final class Categorizer {

    private final AbstractModel model;
    private final DocumentCategorizerME categorizer;
    private final String[] labels;

    Categorizer(String language, AbstractModel model) {
        this.model = model;
        DoccatModel doccatModel =
                new DoccatModel(language, model, Map.of(), new DoccatFactory(ChatFeatures.generators()));
        this.categorizer = new DocumentCategorizerME(doccatModel);
        this.labels = new String[categorizer.getNumberOfCategories()];
        for (int index = 0; index < labels.length; index++) {
            labels[index] = categorizer.getCategory(index);
        }
    }

    /** The underlying OpenNLP model, for writing it to the cache. */
    AbstractModel model() {
        return model;
    }

    /** Probabilities indexed like {@link #label(int)}; they sum to 1. */
    double[] probabilities(String[] tokens) {
        return categorizer.categorize(tokens);
    }

    /**
     * The same as {@link #probabilities} for features already computed by
     * {@link ChatFeatures#extract}, which lets one message's features serve two models.
     */
    double[] probabilitiesOfFeatures(String[] features) {
        return model.eval(features);
    }

    String label(int index) {
        return labels[index];
    }

    /** The probability of {@code label}, or 0 when the model was trained without it. */
    double probability(double[] probabilities, String label) {
        for (int index = 0; index < labels.length; index++) {
            if (labels[index].equals(label)) {
                return probabilities[index];
            }
        }
        return 0;
    }

    static int best(double[] probabilities) {
        int best = 0;
        for (int index = 1; index < probabilities.length; index++) {
            if (probabilities[index] > probabilities[best]) {
                best = index;
            }
        }
        return best;
    }
}
