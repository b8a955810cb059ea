package dev.asyncinspect.analyzer.dump;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fast path for a failed task's {@code error} object, for {@link TaskLine}: {@code
 * {"class":"E","message":"m","stack":[{"class":"C","method":"m","file":"C.java","line":3}],
 * "framesOmitted":2,"cause":{...}}}, fields in any order, each at most once, in {@link
 * LineScanner}'s strict subset of JSON. Failed tasks are few, but their lines are long: in a large
 * dump they took a quarter of the reading on the general path (docs/performance.md). Anything else
 * (an escape in a message, a field it does not know, a cause chain deeper than the general path
 * accepts) returns null, and the whole line goes the general way. Equal frames, and the names in
 * them, are read into one object each, as the general path does.
 */
final class ErrorLine {
  private static final Key CLASS = Key.of("\"class\":");
  private static final Key MESSAGE = Key.of("\"message\":");
  private static final Key STACK = Key.of("\"stack\":");
  private static final Key FRAMES_OMITTED = Key.of("\"framesOmitted\":");
  private static final Key CAUSE = Key.of("\"cause\":");
  private static final Key METHOD = Key.of("\"method\":");
  private static final Key FILE = Key.of("\"file\":");
  private static final Key LINE = Key.of("\"line\":");
  private static final Key NATIVE = Key.of("\"native\":");
  private static final Key TRUE = Key.of("true");
  private static final Key FALSE = Key.of("false");
  private static final int FRAME_SLOTS = 1 << 10;

  private final StringCache names = new StringCache(); // classes, methods, files
  private final StringCache messages = new StringCache();
  private final StackFrame[] frames = new StackFrame[FRAME_SLOTS]; // direct-mapped: last wins

  /** The error object at the scanner, or null when the general path must read the line. */
  ErrorInfo read(LineScanner in) {
    return read(in, 0);
  }

  private ErrorInfo read(LineScanner in, int depth) {
    if (depth > RecordDecoder.MAX_CAUSE_DEPTH || !in.skip('{')) {
      return null;
    }
    String className = null;
    String message = null;
    List<StackFrame> stack = null;
    Integer framesOmitted = null;
    ErrorInfo cause = null;
    do {
      if (className == null && in.expect(CLASS)) {
        className = in.string(names);
        if (className == null) {
          return null;
        }
      } else if (message == null && in.expect(MESSAGE)) {
        message = in.string(messages);
        if (message == null) {
          return null;
        }
      } else if (stack == null && in.expect(STACK)) {
        stack = stack(in);
        if (stack == null) {
          return null;
        }
      } else if (framesOmitted == null && in.expect(FRAMES_OMITTED)) {
        if (!in.intNumber()) {
          return null;
        }
        framesOmitted = (int) in.number;
      } else if (cause == null && in.expect(CAUSE)) {
        cause = read(in, depth + 1);
        if (cause == null) {
          return null;
        }
      } else {
        return null; // a field twice, one it does not know, or no field at all
      }
    } while (in.skip(','));
    if (!in.skip('}') || className == null) {
      return null;
    }
    return new ErrorInfo(
        className,
        message,
        stack == null ? List.of() : stack,
        framesOmitted == null ? 0 : framesOmitted,
        cause);
  }

  private List<StackFrame> stack(LineScanner in) {
    if (!in.skip('[')) {
      return null;
    }
    List<StackFrame> stack = new ArrayList<>();
    if (in.skip(']')) {
      return stack;
    }
    do {
      StackFrame frame = frame(in);
      if (frame == null) {
        return null;
      }
      stack.add(frame);
    } while (in.skip(','));
    return in.skip(']') ? stack : null;
  }

  private StackFrame frame(LineScanner in) {
    if (!in.skip('{')) {
      return null;
    }
    String className = null;
    String method = null;
    String file = null;
    boolean hasLine = false;
    int line = 0;
    Boolean nativeMethod = null;
    do {
      if (className == null && in.expect(CLASS)) {
        className = in.string(names);
        if (className == null) {
          return null;
        }
      } else if (method == null && in.expect(METHOD)) {
        method = in.string(names);
        if (method == null) {
          return null;
        }
      } else if (file == null && in.expect(FILE)) {
        file = in.string(names);
        if (file == null) {
          return null;
        }
      } else if (!hasLine && in.expect(LINE)) {
        if (!in.intNumber()) {
          return null;
        }
        hasLine = true;
        line = (int) in.number;
      } else if (nativeMethod == null && in.expect(NATIVE)) {
        nativeMethod = in.expect(TRUE) ? Boolean.TRUE : in.expect(FALSE) ? Boolean.FALSE : null;
        if (nativeMethod == null) {
          return null;
        }
      } else {
        return null;
      }
    } while (in.skip(','));
    if (!in.skip('}') || className == null || method == null) {
      return null;
    }
    return frame(className, method, file, hasLine, line, nativeMethod != null && nativeMethod);
  }

  /** The frame read last with these values, else a new one. */
  private StackFrame frame(
      String className,
      String method,
      String file,
      boolean hasLine,
      int line,
      boolean nativeMethod) {
    int hash = (className.hashCode() * 31 + method.hashCode()) * 31 + line;
    StackFrame known = frames[(hash ^ (hash >>> 10)) & (FRAME_SLOTS - 1)];
    if (known != null
        && known.className().equals(className)
        && known.method().equals(method)
        && Objects.equals(known.file(), file)
        && (hasLine ? known.line() != null && known.line() == line : known.line() == null)
        && known.nativeMethod() == nativeMethod) {
      return known;
    }
    StackFrame frame = new StackFrame(className, method, file, hasLine ? line : null, nativeMethod);
    frames[(hash ^ (hash >>> 10)) & (FRAME_SLOTS - 1)] = frame;
    return frame;
  }
}
