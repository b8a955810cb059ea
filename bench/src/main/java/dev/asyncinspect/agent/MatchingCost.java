package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.Registry;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What deciding "weave this class or not" costs per loaded class, on the class files of the running
 * JDK (tens of thousands of real classes, none of them traced): the byte search for {@code @Trace}
 * and the {@code trace=} name patterns. Given a synthetic class path jar (argument), also the
 * agent's whole transformer (prefilter, then weaving the few traced classes) per class of it: its
 * first pass (which builds the weaver) and its best. Lives in the agent's package to reach the
 * package-private prefilter; run through {@code bench/run-agent-bench}.
 */
public final class MatchingCost {

  public static void main(String[] args) throws Exception {
    List<byte[]> classes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    try (Stream<Path> files = Files.walk(jrt.getPath("/modules"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.toString();
        if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
          classes.add(Files.readAllBytes(file));
          String binary = name.substring(name.indexOf('/', "/modules/".length()) + 1);
          names.add(binary.substring(0, binary.length() - ".class".length()).replace('/', '.'));
        }
      }
    }
    long bytes = classes.stream().mapToLong(b -> b.length).sum();
    TracePatterns patterns =
        TracePatterns.parse("com.acme.**;com.acme.client.*Client;org.example.Repo#find*");
    int found = 0;
    long best = Long.MAX_VALUE;
    long bestPatterns = Long.MAX_VALUE;
    for (int round = 0; round < 15; round++) { // the first rounds warm the JIT; keep the best
      long start = System.nanoTime();
      for (byte[] c : classes) {
        found += TracePrefilter.mentionsTrace(c) ? 1 : 0;
      }
      best = Math.min(best, System.nanoTime() - start);
      start = System.nanoTime();
      for (String n : names) {
        found += patterns.matchesClass(n) ? 1 : 0;
      }
      bestPatterns = Math.min(bestPatterns, System.nanoTime() - start);
    }
    int n = classes.size();
    System.out.printf(
        "classes: %d (%.1f MiB of class files, none traced; matches found: %d)%n",
        n, bytes / 1048576.0, found);
    System.out.printf(
        "@Trace byte search: %.0f ns per class; %.1f ms per 20,000 classes%n",
        (double) best / n, best / (double) n * 20_000 / 1e6);
    System.out.printf(
        "3 trace= patterns:  %.0f ns per class; %.1f ms per 20,000 classes%n",
        (double) bestPatterns / n, bestPatterns / (double) n * 20_000 / 1e6);
    if (args.length > 0) {
      transformerCost(Path.of(args[0]));
    }
  }

  /** The agent's transformer over every class of a jar, as class loading would call it. */
  private static void transformerCost(Path jar) throws Exception {
    List<byte[]> classes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (entry.getName().endsWith(".class")) {
          try (InputStream in = file.getInputStream(entry)) {
            classes.add(in.readAllBytes());
          }
          names.add(entry.getName().substring(0, entry.getName().length() - ".class".length()));
        }
      }
    }
    ClassLoader loader = MatchingCost.class.getClassLoader();
    TracePrefilter transformer =
        new TracePrefilter(
            new TraceWeaving(new Registry(), TracePatterns.NONE), TracePatterns.NONE);
    long first = 0;
    long best = Long.MAX_VALUE;
    int woven = 0;
    for (int round = 0; round < 10; round++) {
      woven = 0;
      long start = System.nanoTime();
      for (int i = 0; i < classes.size(); i++) {
        woven +=
            transformer.transform(loader, names.get(i), null, null, classes.get(i)) != null ? 1 : 0;
      }
      long took = System.nanoTime() - start;
      first = round == 0 ? took : first;
      best = Math.min(best, took);
    }
    int n = classes.size();
    System.out.printf(
        "transformer over %s: %d classes, %d woven; first pass %.1f ms (%.0f ns per class,"
            + " building the weaver included), best %.1f ms (%.0f ns per class)%n",
        jar.getFileName(),
        n,
        woven,
        first / 1e6,
        (double) first / n,
        best / 1e6,
        (double) best / n);
  }

  private MatchingCost() {}
}
