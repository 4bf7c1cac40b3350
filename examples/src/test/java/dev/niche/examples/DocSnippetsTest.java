package dev.niche.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet in README.md and docs/*.md must be compiled code: each ```java block, with
 * white space folded, must appear in a test source of this repository (the snippets of the docs
 * live in {@code examples/src/test/java/dev/niche/examples/docs/}, where they compile and run).
 */
class DocSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyJavaSnippetInTheDocsIsCompiledCode() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    StringBuilder sources = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().contains("/src/test/java/"))::iterator) {
        sources.append(fold(Files.readString(p, StandardCharsets.UTF_8))).append('\n');
      }
    }
    List<Path> docs = new ArrayList<>();
    docs.add(root.resolve("README.md"));
    try (Stream<Path> files = Files.list(root.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<String> missing = new ArrayList<>();
    int snippets = 0;
    for (Path doc : docs) {
      Matcher m = JAVA_BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
      while (m.find()) {
        snippets++;
        for (String line : m.group(1).split("\n")) {
          String folded = fold(line);
          if (!folded.isEmpty() && !folded.startsWith("//") && !sources.toString().contains(folded)) {
            missing.add(root.relativize(doc) + ": " + line.strip());
          }
        }
      }
    }
    assertTrue(snippets > 0, "no Java snippets found in the docs");
    assertTrue(missing.isEmpty(),
        "doc lines not found in any compiled test source:\n" + String.join("\n", missing));
  }

  private static String fold(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
