package dev.rapport.nlu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The training files under {@code conversations/nlu}: {@code <language>/intents.tsv} and
 * {@code <language>/sentiment.tsv} for each of {@link #LANGUAGES}. Immutable and thread-safe.
 */
record TrainingData(Path nluDir) {

  /** The languages Rapport speaks; every one needs both files. */
  static final List<String> LANGUAGES = List.of("en", "zh");

  Path file(String language, Task task) {
    return nluDir.resolve(language).resolve(task.fileName());
  }

  List<LabelledText> read(String language, Task task) {
    return LabelledTexts.read(file(language, task), task);
  }

  /**
   * SHA-256 over the feature version and every training file's relative name and bytes, in a fixed
   * order. Equal hashes mean cached models were trained from exactly these files the same way.
   *
   * @throws NluException naming the first missing file
   */
  String hash() {
    MessageDigest digest = sha256();
    digest.update(ChatFeatures.VERSION.getBytes(StandardCharsets.UTF_8));
    for (String language : LANGUAGES) {
      for (Task task : Task.values()) {
        Path file = file(language, task);
        if (!Files.isRegularFile(file)) {
          throw new NluException(file + " does not exist: the NLU trains one " + task.label()
              + " model per language from label<TAB>text lines; add the file or point --nlu-dir at conversations/nlu");
        }
        try {
          byte[] bytes = Files.readAllBytes(file);
          digest.update((language + "/" + task.fileName() + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
          digest.update(bytes);
        } catch (IOException e) {
          throw new NluException("cannot read " + file + ": " + e.getMessage(), e);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
