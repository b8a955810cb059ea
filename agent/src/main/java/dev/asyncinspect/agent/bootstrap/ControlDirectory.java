package dev.asyncinspect.agent.bootstrap;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The per-user folder of control sockets: {@code $XDG_RUNTIME_DIR/async-inspect} when that is set,
 * else {@code <java.io.tmpdir>/async-inspect-<user>}; the system property {@code
 * asyncinspect.controlDir} overrides both. It must belong to the current user and be closed to
 * everyone else ({@code rwx------}); the agent refuses to use one that is not, because another user
 * could then reach, or fake, the sockets in it.
 */
public final class ControlDirectory {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  /** Where the sockets are; the command line looks in the same place. */
  public static Path path() {
    String override = System.getProperty("asyncinspect.controlDir");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
      return Path.of(runtime, "async-inspect");
    }
    return Path.of(
        System.getProperty("java.io.tmpdir"), "async-inspect-" + System.getProperty("user.name"));
  }

  /** Creates the folder if needed and checks it; throws with the reason when it is unsafe. */
  static Path ensure() throws IOException {
    Path dir = path();
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      throw new IOException("the control channel needs a POSIX file system");
    }
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // another JVM of ours created it at the same moment; checked below
      }
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + " is not a folder");
    }
    UserPrincipal me =
        dir.getFileSystem()
            .getUserPrincipalLookupService()
            .lookupPrincipalByName(System.getProperty("user.name"));
    if (!Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(me)) {
      throw new IOException(dir + " belongs to another user");
    }
    if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
      throw new IOException(dir + " is open to other users (it must be rwx------)");
    }
    return dir;
  }

  private ControlDirectory() {}
}
