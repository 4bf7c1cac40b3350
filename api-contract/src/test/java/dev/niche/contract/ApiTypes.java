package dev.niche.contract;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the public API types of the library modules by scanning the class path (the modules'
 * jars or {@code target/classes} directories): every public class, interface, enum and record,
 * nested ones included, in {@code dev.niche.<module>} and its subpackages other than
 * {@code internal}.
 */
final class ApiTypes {

  /** The modules under contract; {@code spark} is an adapter that needs a Spark session. */
  static final List<String> MODULES =
      List.of("core", "churn", "ecology", "valuechain", "segmentation");

  private ApiTypes() {}

  /** Tells whether a class belongs to an API package of a module under contract. */
  static boolean isApi(Class<?> type) {
    Class<?> top = type;
    while (top.isArray()) {
      top = top.getComponentType();
    }
    String name = top.getName();
    for (String module : MODULES) {
      String prefix = "dev.niche." + module + ".";
      if (name.startsWith(prefix)) {
        return !name.contains(".internal.");
      }
    }
    return false;
  }

  /** All public API types, sorted by name. */
  static List<Class<?>> scan() {
    Set<String> names = new TreeSet<>();
    ClassLoader loader = ApiTypes.class.getClassLoader();
    for (String module : MODULES) {
      String root = "dev/niche/" + module;
      try {
        Enumeration<URL> urls = loader.getResources(root);
        while (urls.hasMoreElements()) {
          collect(urls.nextElement(), root, names);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Class<?>> types = new ArrayList<>();
    for (String name : names) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot load " + name, e);
      }
      if (isPublicApi(type)) {
        types.add(type);
      }
    }
    types.sort((p, q) -> p.getName().compareTo(q.getName()));
    return Collections.unmodifiableList(types);
  }

  private static boolean isPublicApi(Class<?> type) {
    if (!isApi(type) || type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return !type.getSimpleName().equals("package-info");
  }

  private static void collect(URL url, String root, Set<String> names) throws IOException {
    if ("jar".equals(url.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String entry = entries.nextElement().getName();
          if (entry.startsWith(root + "/") && entry.endsWith(".class")) {
            names.add(className(entry));
          }
        }
      }
    } else if ("file".equals(url.getProtocol())) {
      Path dir;
      try {
        dir = Paths.get(url.toURI());
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      Path base = dir;
      for (int i = 0; i < root.split("/").length; i++) {
        base = base.getParent();
      }
      Path classesRoot = base;
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(p -> p.toString().endsWith(".class"))
            .forEach(p -> names.add(
                className(classesRoot.relativize(p).toString().replace(File.separatorChar, '/'))));
      }
    }
  }

  private static String className(String entry) {
    return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
  }
}
