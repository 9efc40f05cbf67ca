import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.*;
import java.util.*;

/**
 * A trial, not part of Rapport: sentence embeddings (LangChain4j's in-process BGE small models, ONNX) with a
 * multinomial logistic regression trained on Rapport's own sentiment files, scored on the held-out sets like
 * nlu eval does. Run by bench/nlu-embeddings.sh, which fetches the model jars into target/ only; they are
 * never on Rapport's class path. Arguments: language (en|zh), nlu dir, held-out dir.
 */
public class EmbeddingTrial {
    static final List<String> LABELS = List.of("negative", "neutral", "positive");
    record Ex(int label, String text) {}
    static List<Ex> read(Path f) throws Exception {
        List<Ex> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            if (l.isBlank() || l.startsWith("#") || !l.contains("\t")) continue;
            String[] p = l.split("\t", 2);
            int label = LABELS.indexOf(p[0].strip());
            if (label >= 0) out.add(new Ex(label, p[1].strip()));
        }
        return out;
    }
    public static void main(String[] a) throws Exception {
        String language = a[0];
        Path nlu = Path.of(a[1]), held = Path.of(a[2]);
        List<Ex> train = new ArrayList<>();
        try (var s = Files.list(nlu.resolve(language))) {
            for (Path f : s.filter(p -> p.getFileName().toString().startsWith("sentiment")).sorted().toList()) train.addAll(read(f));
        }
        EmbeddingModel model = (EmbeddingModel) Class.forName(language.equals("zh")
                ? "dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel"
                : "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel")
                .getDeclaredConstructor().newInstance();
        model.embed("warm up");
        long t0 = System.nanoTime();
        float[][] x = embed(model, train);
        double ms = (System.nanoTime() - t0) / 1e6 / train.size();
        System.out.printf("training examples %d, embedding %.1f ms per message%n", train.size(), ms);
        int d = x[0].length, k = 3;
        double[][] w = new double[k][d + 1];
        double lr = 0.5, l2 = 1e-4;
        for (int epoch = 0; epoch < 300; epoch++) {
            double[][] g = new double[k][d + 1];
            for (int i = 0; i < x.length; i++) {
                double[] p = prob(w, x[i]);
                for (int c = 0; c < k; c++) {
                    double e = p[c] - (train.get(i).label() == c ? 1 : 0);
                    for (int j = 0; j < d; j++) g[c][j] += e * x[i][j];
                    g[c][d] += e;
                }
            }
            for (int c = 0; c < k; c++) for (int j = 0; j <= d; j++) w[c][j] -= lr * (g[c][j] / x.length + l2 * w[c][j]);
        }
        for (String f : new String[] {"-sentiment.tsv", "-reviews-sentiment.tsv", "-posts-sentiment.tsv"}) {
            f = language + f;
            List<Ex> test = read(held.resolve(f));
            float[][] tx = embed(model, test);
            int polar = 0, right = 0, all = 0, forced = 0;
            for (int i = 0; i < test.size(); i++) {
                double[] p = prob(w, tx[i]);
                int best = 0; for (int c = 1; c < k; c++) if (p[c] > p[best]) best = c;
                all += best == test.get(i).label() ? 1 : 0;
                if (test.get(i).label() != 1) {
                    polar++;
                    right += best == test.get(i).label() ? 1 : 0;
                    forced += (p[2] > p[0] ? 2 : 0) == test.get(i).label() ? 1 : 0;
                }
            }
            System.out.printf("%s: accuracy %.3f, polarity accuracy %.3f (%d), forced pos/neg %.3f%n", f,
                    (double) all / test.size(), (double) right / polar, polar, (double) forced / polar);
        }
    }
    static float[][] embed(EmbeddingModel m, List<Ex> ex) {
        float[][] out = new float[ex.size()][];
        for (int i = 0; i < ex.size(); i++) out[i] = m.embed(ex.get(i).text()).content().vector();
        return out;
    }
    static double[] prob(double[][] w, float[] x) {
        int k = w.length, d = x.length; double[] z = new double[k]; double max = -1e9;
        for (int c = 0; c < k; c++) { double s = w[c][d]; for (int j = 0; j < d; j++) s += w[c][j] * x[j]; z[c] = s; max = Math.max(max, s); }
        double sum = 0; for (int c = 0; c < k; c++) { z[c] = Math.exp(z[c] - max); sum += z[c]; }
        for (int c = 0; c < k; c++) z[c] /= sum;
        return z;
    }
}
