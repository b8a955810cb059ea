package dev.asyncinspect.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file atomically: to a temporary file in the same folder, then renamed over the target,
 * so that a reader (or a build that picks the file up) never sees half of it, and an old file
 * survives a failed write. The temporary file is created owner-only ({@code rw-------}), so the
 * result is too, as the dumps it is made from are.
 */
final class AtomicFile {
  private AtomicFile() {}

  static void write(Path target, String content) throws OutputFileException {
    try {
      write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    } catch (OutputFileException e) {
      throw e;
    } catch (IOException e) {
      throw new OutputFileException("cannot write " + target + ": " + reason(e), e);
    }
  }

  /** What goes into the file, written to a stream. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code content} to {@code target} atomically. A failure of the file is an {@link
   * OutputFileException}; a failure of {@code content} itself passes through as it is.
   */
  static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = null;
    try {
      temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        try {
          content.writeTo(out);
        } catch (IOException e) {
          throw new ContentFailed(e);
        }
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (ContentFailed e) {
      throw e.cause;
    } catch (IOException e) {
      throw new OutputFileException("cannot write " + target + ": " + reason(e), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /** Carries a failure of the content past the handling of file failures. */
  private static final class ContentFailed extends IOException {
    private static final long serialVersionUID = 1L;
    final IOException cause;

    ContentFailed(IOException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fileError && fileError.getReason() != null) {
      return fileError.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The write already failed and says so; a stray temporary file is the lesser problem.
    }
  }
}
