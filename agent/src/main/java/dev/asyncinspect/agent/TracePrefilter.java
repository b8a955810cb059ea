package dev.asyncinspect.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

/**
 * Passes a class to the weaver only if its bytes mention the {@code @Trace} annotation's type or
 * its name matches a {@code trace=} pattern. Most classes do neither, and these checks are much
 * cheaper than building a type description, so start-up stays fast on a large class path. A class
 * that passes but has no method to trace is still turned down by the weaver's matcher.
 */
final class TracePrefilter implements ClassFileTransformer {
  private static final byte[] MARKER =
      TracedMethods.TRACE_DESCRIPTOR.getBytes(StandardCharsets.UTF_8);

  private final ClassFileTransformer weaver;
  private final TracePatterns patterns;

  TracePrefilter(ClassFileTransformer weaver, TracePatterns patterns) {
    this.weaver = weaver;
    this.patterns = patterns;
  }

  private boolean wanted(String className, byte[] bytes) {
    return mentionsTrace(bytes)
        || className != null
            && !patterns.isEmpty()
            && patterns.matchesClass(className.replace('/', '.'));
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer)
      throws IllegalClassFormatException {
    if (!wanted(className, classfileBuffer)) {
      return null;
    }
    return weaver.transform(
        module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer)
      throws IllegalClassFormatException {
    if (!wanted(className, classfileBuffer)) {
      return null;
    }
    return weaver.transform(
        loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
  }

  static boolean mentionsTrace(byte[] bytes) {
    byte first = MARKER[0];
    int last = bytes.length - MARKER.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (bytes[i] != first) {
        continue;
      }
      for (int j = 1; j < MARKER.length; j++) {
        if (bytes[i + j] != MARKER[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
