package dev.asyncinspect.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code trace=} option: which methods of code that cannot be annotated to trace.
 *
 * <p>A pattern is {@code CLASSES} or {@code CLASSES#METHODS}. {@code CLASSES} is a class name in
 * which {@code *} stands for any part of one name ({@code com.acme.*Repo}) and a trailing {@code
 * .**} for a package and all its subpackages ({@code com.acme.**}); {@code METHODS} is a method
 * name in which {@code *} stands for anything ({@code find*}). A class pattern alone traces the
 * matching classes' methods that return a {@code CompletionStage} or {@code Future}; with {@code
 * #METHODS}, the named methods whatever they return. Patterns are separated by {@code ;}.
 *
 * <p>Matching a class costs one check per pattern against the class name, done only for classes as
 * they load: a plain prefix test for package patterns, a regular expression otherwise.
 */
final class TracePatterns {
  /**
   * The syntax checks, compiled only when there are patterns to parse: the regular expression
   * engine's set-up is a noticeable part of a JVM's start.
   */
  private static final class Syntax {
    static final Pattern CLASSES =
        Pattern.compile("[A-Za-z_$*][A-Za-z0-9_$*]*(\\.[A-Za-z_$*][A-Za-z0-9_$*]*)*(\\.\\*\\*)?");
    static final Pattern METHODS = Pattern.compile("[A-Za-z_$*][A-Za-z0-9_$*]*");
  }

  /** One {@code CLASSES[#METHODS]} pattern. */
  static final class Entry {
    private final String packagePrefix;
    private final Pattern classes;
    final Pattern methods;

    private Entry(String packagePrefix, Pattern classes, Pattern methods) {
      this.packagePrefix = packagePrefix;
      this.classes = classes;
      this.methods = methods;
    }

    boolean matchesClass(String className) {
      return packagePrefix != null
          ? className.startsWith(packagePrefix)
          : classes.matcher(className).matches();
    }
  }

  static final TracePatterns NONE = new TracePatterns(List.of());

  private final List<Entry> entries;

  private TracePatterns(List<Entry> entries) {
    this.entries = entries;
  }

  /** Parses {@code ;}-separated patterns; a bad one throws with a message that says why. */
  static TracePatterns parse(String text) {
    List<Entry> entries = new ArrayList<>();
    for (String raw : text.split(";")) {
      String pattern = raw.trim();
      if (pattern.isEmpty()) {
        continue;
      }
      int hash = pattern.indexOf('#');
      String classes = hash < 0 ? pattern : pattern.substring(0, hash);
      String methods = hash < 0 ? null : pattern.substring(hash + 1);
      if (!Syntax.CLASSES.matcher(classes).matches()
          || methods != null && !Syntax.METHODS.matcher(methods).matches()) {
        throw new IllegalArgumentException(
            "bad trace pattern '"
                + pattern
                + "': expected CLASSES or CLASSES#METHODS, like com.acme.** or"
                + " com.acme.Repo#find*");
      }
      entries.add(
          new Entry(
              classes.endsWith(".**") && classes.indexOf('*') == classes.length() - 2
                  ? classes.substring(0, classes.length() - 2)
                  : null,
              Pattern.compile(toRegex(classes)),
              methods == null
                  ? null
                  : Pattern.compile(methods.replace("$", "\\$").replace("*", ".*"))));
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("option trace needs at least one pattern");
    }
    return new TracePatterns(entries);
  }

  TracePatterns and(TracePatterns other) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new TracePatterns(all);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether any pattern could select methods of {@code className} (binary name, dots). */
  boolean matchesClass(String className) {
    for (Entry e : entries) {
      if (e.matchesClass(className)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a method is selected: its class matches a pattern that names it, or a class-only
   * pattern and {@code returnsFuture}.
   */
  boolean matchesMethod(String className, String methodName, boolean returnsFuture) {
    for (Entry e : entries) {
      if (e.matchesClass(className)
          && (e.methods == null ? returnsFuture : e.methods.matcher(methodName).matches())) {
        return true;
      }
    }
    return false;
  }

  private static String toRegex(String classes) {
    StringBuilder regex = new StringBuilder();
    String body = classes.endsWith(".**") ? classes.substring(0, classes.length() - 3) : classes;
    for (char c : body.toCharArray()) {
      if (c == '*') {
        regex.append("[^.]*");
      } else if (c == '.' || c == '$') {
        regex.append('\\').append(c);
      } else {
        regex.append(c);
      }
    }
    if (classes.endsWith(".**")) {
      regex.append("\\..+");
    }
    return regex.toString();
  }
}
