package dev.niche.contract;

import com.sun.source.doctree.BlockTagTree;
import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.ThrowsTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the Javadoc of each public method and constructor documents, read from the modules'
 * sources with the compiler's tree API (the same information the javadoc tool renders): the
 * exceptions named by {@code @throws} tags, and whether the method says it may return NaN or an
 * infinity (in its main description or {@code @return} tag; for a record's accessor, the
 * record's {@code @param} tag of that component).
 */
final class JavadocIndex {

  /** What one member documents. */
  record Doc(Set<String> exceptions, boolean nan, boolean infinity) {
    static final Doc NONE = new Doc(Set.of(), false, false);
  }

  private final Map<String, Doc> docs;

  private JavadocIndex(Map<String, Doc> docs) {
    this.docs = docs;
  }

  /** Parses every main source file of the modules under contract below {@code root}. */
  static JavadocIndex parse(Path root) {
    List<Path> sources = new ArrayList<>();
    for (String module : ApiTypes.MODULES) {
      Path dir = root.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        sources.addAll(files.filter(p -> p.toString().endsWith(".java"))
            .filter(p -> !p.toString().contains("internal"))
            .collect(Collectors.toList()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, Doc> docs = new HashMap<>();
    if (sources.isEmpty()) {
      return new JavadocIndex(docs);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      JavacTask task = (JavacTask) compiler.getTask(
          null, files, d -> { }, List.of("-proc:none"), null, units);
      DocTrees trees = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        new Scanner(trees, pkg, docs).scan(unit, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JavadocIndex(docs);
  }

  /** What a member's Javadoc documents; {@link Doc#NONE} if nothing was found. */
  Doc of(Executable member) {
    Doc doc = docs.get(key(member));
    if (doc == null && member instanceof Constructor) {
      doc = docs.get(member.getDeclaringClass().getName() + "#<init>(*)");
    }
    return doc == null ? Doc.NONE : doc;
  }

  /** Tells whether a member's Javadoc names the exception or one of its superclasses. */
  boolean documents(Executable member, Throwable thrown) {
    Set<String> documented = of(member).exceptions();
    for (Class<?> c = thrown.getClass(); c != null; c = c.getSuperclass()) {
      if (documented.contains(c.getSimpleName())) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return docs.size();
  }

  static String key(Executable member) {
    String name = member instanceof Method ? member.getName() : "<init>";
    StringBuilder key = new StringBuilder(member.getDeclaringClass().getName())
        .append('#').append(name).append('(');
    Class<?>[] types = member.getParameterTypes();
    int skip = 0;
    // An inner (non-static) class's constructor takes the enclosing instance first.
    if (member instanceof Constructor && member.getDeclaringClass().getEnclosingClass() != null
        && !java.lang.reflect.Modifier.isStatic(member.getDeclaringClass().getModifiers())
        && types.length > 0 && types[0] == member.getDeclaringClass().getEnclosingClass()) {
      skip = 1;
    }
    for (int i = skip; i < types.length; i++) {
      if (i > skip) {
        key.append(',');
      }
      key.append(types[i].getSimpleName());
    }
    return key.append(')').toString();
  }

  /** Visits classes and their members, keeping track of binary class names. */
  private static final class Scanner extends TreePathScanner<Void, Void> {
    private final DocTrees trees;
    private final Map<String, Doc> docs;
    private final List<String> classes = new ArrayList<>();
    private final String pkg;

    Scanner(DocTrees trees, String pkg, Map<String, Doc> docs) {
      this.trees = trees;
      this.pkg = pkg;
      this.docs = docs;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      String name = classes.isEmpty()
          ? (pkg.isEmpty() ? "" : pkg + ".") + tree.getSimpleName()
          : classes.get(classes.size() - 1) + "$" + tree.getSimpleName();
      classes.add(name);
      if (tree.getKind() == Tree.Kind.RECORD) {
        recordComponents(name, tree);
      }
      try {
        return super.visitClass(tree, unused);
      } finally {
        classes.remove(classes.size() - 1);
      }
    }

    private void recordComponents(String name, ClassTree tree) {
      DocCommentTree comment = trees.getDocCommentTree(getCurrentPath());
      Map<String, String> params = new HashMap<>();
      if (comment != null) {
        for (DocTree tag : comment.getBlockTags()) {
          if (tag instanceof ParamTree && !((ParamTree) tag).isTypeParameter()) {
            ParamTree p = (ParamTree) tag;
            params.put(p.getName().toString(), p.getDescription().toString());
          }
        }
      }
      for (Tree member : tree.getMembers()) {
        if (member instanceof VariableTree) {
          VariableTree v = (VariableTree) member;
          if (v.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.STATIC)) {
            continue;
          }
          String text = params.getOrDefault(v.getName().toString(), "");
          docs.putIfAbsent(name + "#" + v.getName() + "()",
              new Doc(Set.of(), mentionsNaN(text), mentionsInfinity(text)));
        }
      }
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      if (classes.isEmpty()) {
        return null;
      }
      String owner = classes.get(classes.size() - 1);
      DocCommentTree comment = trees.getDocCommentTree(getCurrentPath());
      Set<String> exceptions = new HashSet<>();
      StringBuilder returns = new StringBuilder();
      if (comment != null) {
        returns.append(comment.getFullBody().toString());
        for (DocTree tag : comment.getBlockTags()) {
          if (tag instanceof ThrowsTree) {
            String exception = ((ThrowsTree) tag).getExceptionName().toString();
            exceptions.add(exception.substring(exception.lastIndexOf('.') + 1));
          } else if (tag instanceof ReturnTree) {
            returns.append(' ').append(((ReturnTree) tag).getDescription().toString());
          } else if (tag instanceof BlockTagTree
              && ((BlockTagTree) tag).getTagName().equals("return")) {
            returns.append(' ').append(tag.toString());
          }
        }
      }
      String text = returns.toString();
      Doc doc = new Doc(Set.copyOf(exceptions), mentionsNaN(text), mentionsInfinity(text));
      String name = tree.getName().toString();
      boolean compact = name.equals("<init>") && tree.getParameters().isEmpty()
          && isCompactConstructor(tree);
      String key;
      if (compact) {
        key = owner + "#<init>(*)";
      } else {
        key = owner + "#" + name + "(" + tree.getParameters().stream()
            .map(p -> simpleType(p.getType().toString()))
            .collect(Collectors.joining(",")) + ")";
      }
      docs.put(key, doc);
      return null;
    }

    private boolean isCompactConstructor(MethodTree tree) {
      TreePath parent = getCurrentPath().getParentPath();
      return parent != null && parent.getLeaf().getKind() == Tree.Kind.RECORD;
    }
  }

  static String simpleType(String type) {
    String t = type.replaceAll("@\\S+\\s+", "");
    int depth = 0;
    StringBuilder plain = new StringBuilder();
    for (char c : t.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (depth == 0) {
        plain.append(c);
      }
    }
    String s = plain.toString().trim().replace("...", "[]");
    String suffix = "";
    while (s.endsWith("[]")) {
      suffix += "[]";
      s = s.substring(0, s.length() - 2).trim();
    }
    return s.substring(s.lastIndexOf('.') + 1) + suffix;
  }

  static boolean mentionsNaN(String text) {
    // "NaN" as a word; "must not be NaN" in a description of the arguments does not count.
    return text.contains("NaN");
  }

  static boolean mentionsInfinity(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    // The tree printer writes non-ASCII characters as Unicode escapes.
    return lower.contains("infinit") || text.contains("∞") || lower.contains("\\u221e");
  }
}
