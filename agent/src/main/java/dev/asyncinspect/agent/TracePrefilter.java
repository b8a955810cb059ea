package dev.asyncinspect.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

/**
 * Passes a class to the weaver only if its constant pool holds the {@code @Trace} annotation's
 * descriptor or its name matches a {@code trace=} pattern. Most classes do neither, and these
 * checks are much cheaper than reading the class, so start-up stays fast on a large class path. A
 * class that passes but has no method to trace is still turned down by the weaver.
 *
 * <p>This class is all the agent installs for weaving at start: the weaver's code (ASM and the
 * weaving visitors) is loaded by the first class that passes, so a JVM that never loads a traced
 * class never loads it, and no traced class is missed however early it loads.
 */
final class TracePrefilter implements ClassFileTransformer {
  static final String TRACE = "dev.asyncinspect.annotations.Trace";

  // Computed, not a literal: a literal would be copied into the constant pool of every class that
  // uses it, and the prefilter would take the agent's own classes for traced ones.
  static final String TRACE_DESCRIPTOR = "L" + TRACE.replace('.', '/') + ";";

  private static final byte[] MARKER = TRACE_DESCRIPTOR.getBytes(StandardCharsets.UTF_8);

  private final ClassFileTransformer weaver;
  private final TracePatterns patterns;

  TracePrefilter(ClassFileTransformer weaver, TracePatterns patterns) {
    this.weaver = weaver;
    this.patterns = patterns;
  }

  private boolean wanted(ClassLoader loader, String className, byte[] bytes) {
    // Not for the boot loader's classes: the table behind mayBeEnclosed is a ConcurrentHashMap,
    // whose own classes may be loading right now (a ClassCircularityError otherwise).
    return mentionsTrace(bytes)
        || loader != null && EnclosedCode.mayBeEnclosed(className)
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
    if (!wanted(loader, className, classfileBuffer)) {
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
    if (!wanted(loader, className, classfileBuffer)) {
      return null;
    }
    return weaver.transform(
        loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
  }

  /**
   * Whether the class file's constant pool holds the {@code @Trace} descriptor, as it must when a
   * method is annotated with it. Walks the constant pool entry by entry, skipping over strings and
   * never reading the code, so it costs per entry rather than per byte; a class file it cannot walk
   * is searched byte by byte instead.
   */
  static boolean mentionsTrace(byte[] bytes) {
    if (bytes.length < 10 || (bytes[0] & 0xFF) != 0xCA || (bytes[1] & 0xFF) != 0xFE) {
      return contains(bytes);
    }
    int count = u2(bytes, 8);
    int i = 10;
    for (int entry = 1; entry < count; entry++) {
      if (i + 3 > bytes.length) {
        return contains(bytes);
      }
      switch (bytes[i]) {
        case 1: // Utf8: u2 length, then the bytes
          int length = u2(bytes, i + 1);
          if (length == MARKER.length
              && i + 3 + length <= bytes.length
              && isMarkerAt(bytes, i + 3)) {
            return true;
          }
          i += 3 + length;
          break;
        case 7: // Class
        case 8: // String
        case 16: // MethodType
        case 19: // Module
        case 20: // Package
          i += 3;
          break;
        case 15: // MethodHandle
          i += 4;
          break;
        case 3: // Integer
        case 4: // Float
        case 9: // Fieldref
        case 10: // Methodref
        case 11: // InterfaceMethodref
        case 12: // NameAndType
        case 17: // Dynamic
        case 18: // InvokeDynamic
          i += 5;
          break;
        case 5: // Long: two entries
        case 6: // Double: two entries
          i += 9;
          entry++;
          break;
        default:
          return contains(bytes); // a constant this walk does not know
      }
    }
    return false;
  }

  private static int u2(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
  }

  private static boolean isMarkerAt(byte[] bytes, int at) {
    for (int j = 0; j < MARKER.length; j++) {
      if (bytes[at + j] != MARKER[j]) {
        return false;
      }
    }
    return true;
  }

  /** The plain search: the descriptor anywhere in the bytes. */
  static boolean contains(byte[] bytes) {
    byte first = MARKER[0];
    int last = bytes.length - MARKER.length;
    for (int i = 0; i <= last; i++) {
      if (bytes[i] == first && isMarkerAt(bytes, i)) {
        return true;
      }
    }
    return false;
  }
}
