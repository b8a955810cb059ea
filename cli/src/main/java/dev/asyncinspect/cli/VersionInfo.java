package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.DumpReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: our version (from a resource the build fills in, so that it also
 * works from the class folders in tests), the dump format read, and the JVM.
 */
public final class VersionInfo implements IVersionProvider {

  /** The version of async-inspect, or {@code unknown} when the build did not record it. */
  public static String version() {
    try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "async-inspect " + version(),
      "reads dump format " + DumpReader.SUPPORTED_MAJOR_VERSION + ".x",
      "JVM: "
          + System.getProperty("java.vm.name")
          + " "
          + System.getProperty("java.runtime.version")
          + " ("
          + System.getProperty("java.vm.vendor")
          + ")"
    };
  }
}
