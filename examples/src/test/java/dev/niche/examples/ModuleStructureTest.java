package dev.niche.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.niche.churn.KaplanMeier;
import dev.niche.core.Checks;
import dev.niche.ecology.CompetitionModel;
import dev.niche.segmentation.KMeans;
import dev.niche.valuechain.Composition;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API contract is structural: every library module ships a {@code module-info} that exports
 * exactly its API packages (every package whose name has no {@code internal} segment), opens
 * nothing, and exports an internal package only to Niche's own modules that need it. The
 * examples module depends on all five library modules, so it reads their descriptors from the
 * built artifacts (class directories or jars) the build hands to it.
 */
class ModuleStructureTest {

  /** Qualified exports allowed on purpose: internal package to the modules that may read it. */
  private static final Map<String, Set<String>> QUALIFIED =
      Map.of("dev.niche.core.internal", Set.of("dev.niche.churn"));

  private static final Map<String, Class<?>> ANCHORS =
      Map.of(
          "dev.niche.core", Checks.class,
          "dev.niche.churn", KaplanMeier.class,
          "dev.niche.ecology", CompetitionModel.class,
          "dev.niche.valuechain", Composition.class,
          "dev.niche.segmentation", KMeans.class);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev.niche.core",
        "dev.niche.churn",
        "dev.niche.ecology",
        "dev.niche.valuechain",
        "dev.niche.segmentation"
      })
  void exportsExactlyTheApiPackages(String moduleName) throws URISyntaxException {
    ModuleDescriptor descriptor = descriptorOf(ANCHORS.get(moduleName));

    assertEquals(moduleName, descriptor.name());
    assertFalse(descriptor.isAutomatic(), moduleName + " must ship a module-info");
    assertFalse(descriptor.isOpen(), moduleName + " must not be an open module");
    assertTrue(descriptor.opens().isEmpty(), moduleName + " opens " + descriptor.opens());

    Set<String> api =
        descriptor.packages().stream()
            .filter(p -> !List.of(p.split("\\.")).contains("internal"))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> exported =
        descriptor.exports().stream()
            .filter(e -> !e.isQualified())
            .map(Exports::source)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(api, exported, moduleName + ": unqualified exports must be the API packages");

    Map<String, Set<String>> qualified = new TreeMap<>();
    for (Exports e : descriptor.exports()) {
      if (e.isQualified()) {
        qualified.put(e.source(), e.targets());
      }
    }
    Map<String, Set<String>> expected = new TreeMap<>();
    QUALIFIED.forEach(
        (pkg, targets) -> {
          if (descriptor.packages().contains(pkg)) {
            expected.put(pkg, targets);
          }
        });
    assertEquals(expected, qualified, moduleName + ": qualified exports");
  }

  private static ModuleDescriptor descriptorOf(Class<?> anchor) throws URISyntaxException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<ModuleReference> found = ModuleFinder.of(location).findAll();
    assertEquals(1, found.size(), "one module at " + location);
    return found.iterator().next().descriptor();
  }
}
