package dev.rapport.nlu;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Word unigrams and bigrams of every token that is not Han text: words, numbers ("0"), emoji and
 * "?"/"!". Bigrams keep short phrases apart that share their words ("not good" versus "good").
 * A Han run breaks the bigram chain; {@link HanCharNgrams} covers Han text. Each feature is
 * reported once per message.
 *
 * <p>Stateless and thread-safe. Public with a public no-argument constructor only because OpenNLP
 * re-creates a model's feature generators by class name; nothing else should use it.
 */
public final class WordNgrams implements FeatureGenerator {

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    Set<String> features = new LinkedHashSet<>();
    String previous = null;
    for (String token : tokens) {
      if (ChatTokenizer.isHanToken(token)) {
        previous = null;
        continue;
      }
      features.add("w=" + token);
      if (previous != null) {
        features.add("b=" + previous + "|" + token);
      }
      previous = token;
    }
    return features;
  }
}
