package dev.asyncinspect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium (Debian's {@code chromium}, or the executable the system property {@value
 * #EXECUTABLE} names) driven through the DevTools protocol over the JDK's own WebSocket client: it
 * opens a page, records the console's errors, uncaught exceptions and every network request,
 * evaluates expressions in the page, and takes screenshots.
 *
 * <p>The browser runs with a fresh profile in a temporary directory and without its background
 * networking, so that it contacts nothing by itself; {@link #close()} ends it (and its child
 * processes) in every case, with bounded waits, and deletes the profile.
 */
final class HeadlessChromium implements AutoCloseable {
  static final String EXECUTABLE = "asyncinspect.chromium";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts the browser and connects to its one page; fails with the reason when it cannot. */
  static HeadlessChromium start() throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("asyncinspect-chromium");
    List<String> command =
        List.of(
            System.getProperty(EXECUTABLE, "chromium"),
            "--headless",
            "--no-sandbox", // the tests may run as root, where the sandbox refuses to start
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--window-size=1400,1000",
            "--remote-debugging-port=0",
            "--user-data-dir=" + profile,
            "about:blank");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      Files.delete(profile);
      throw cannot(command, e);
    }
    try {
      int port = port(process, profile);
      String page = pageSocket(port);
      Listener listener = new Listener();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .connectTimeout(WAIT)
              .buildAsync(URI.create(page), listener)
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
      listener.owner = chromium;
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
        chromium.call(domain + ".enable", JSON.createObjectNode());
      }
      return chromium;
    } catch (Exception e) {
      stop(process, profile);
      throw cannot(command, e);
    }
  }

  private static IllegalStateException cannot(List<String> command, Exception e) {
    return new IllegalStateException(
        "cannot drive "
            + command.get(0)
            + " (Debian: apt-get install chromium; or -D"
            + EXECUTABLE
            + "=PATH): "
            + e,
        e);
  }

  /** The port the browser chose, from the file it writes into its profile once it listens. */
  private static int port(Process process, Path profile) throws IOException, InterruptedException {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() >= 2) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited with " + process.exitValue());
      }
      Thread.sleep(50); // polling a file the browser writes: no other signal exists
    }
    throw new IllegalStateException("chromium wrote no DevToolsActivePort in " + WAIT);
  }

  private static String pageSocket(int port) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(WAIT)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : JSON.readTree(response.body())) {
      if ("page".equals(target.path("type").asText())) {
        return target.get("webSocketDebuggerUrl").asText();
      }
    }
    throw new IllegalStateException("no page target in " + response.body());
  }

  /** Sends a command and waits for its result; a protocol error fails. */
  JsonNode call(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    try {
      socket.sendText(message.toString(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      JsonNode response = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (response.has("error")) {
        throw new IllegalStateException(method + ": " + response.get("error"));
      }
      return response.path("result");
    } catch (Exception e) {
      throw new IllegalStateException(method + " failed: " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  /** Opens a URL and waits until the page's load event (after its scripts ran). */
  void open(String url) {
    int before = events.size();
    call("Page.navigate", JSON.createObjectNode().put("url", url));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode event : events.subList(before, events.size())) {
        if ("Page.loadEventFired".equals(event.path("method").asText())) {
          return;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no load event for " + url + " in " + WAIT);
  }

  /** The value of a JavaScript expression in the page (JSON-like values only). */
  JsonNode evaluate(String expression) {
    JsonNode result =
        call(
            "Runtime.evaluate",
            JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(expression + " threw " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** A PNG of the whole page, written to {@code file}. */
  void screenshot(Path file) throws IOException {
    JsonNode result =
        call(
            "Page.captureScreenshot",
            JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(result.get("data").asText()));
  }

  /** Console errors and assertions, uncaught exceptions and error log entries, as text. */
  List<String> errors() {
    List<String> errors = new ArrayList<>();
    for (JsonNode event : events) {
      JsonNode params = event.path("params");
      switch (event.path("method").asText()) {
        case "Runtime.exceptionThrown" ->
            errors.add("exception: " + params.path("exceptionDetails"));
        case "Runtime.consoleAPICalled" -> {
          String type = params.path("type").asText();
          if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
            errors.add("console." + type + ": " + params.path("args"));
          }
        }
        case "Log.entryAdded" -> {
          String level = params.path("entry").path("level").asText();
          if (level.equals("error") || level.equals("warning")) {
            errors.add("log " + level + ": " + params.path("entry"));
          }
        }
        default -> {}
      }
    }
    return errors;
  }

  /** The URL of every request the page made (Network.requestWillBeSent), in order. */
  List<String> requests() {
    List<String> urls = new ArrayList<>();
    for (JsonNode event : events) {
      if ("Network.requestWillBeSent".equals(event.path("method").asText())) {
        urls.add(event.path("params").path("request").path("url").asText());
      }
    }
    return urls;
  }

  /** Whether the page opened a JavaScript dialog (an {@code alert} an injection would show). */
  boolean openedDialog() {
    return events.stream()
        .anyMatch(e -> "Page.javascriptDialogOpening".equals(e.path("method").asText()));
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // The browser is ended below in any case.
    }
    stop(process, profile);
  }

  /** Ends the browser and its helper processes, waiting a bounded time, and deletes the profile. */
  private static void stop(Process process, Path profile) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : children) {
      child.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A file the browser still held: the temporary directory is the system's to clean.
    }
  }

  /** Collects whole messages: responses complete their calls, the rest are events. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    volatile HeadlessChromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          HeadlessChromium chromium = owner;
          if (message.has("id") && chromium != null) {
            CompletableFuture<JsonNode> call = chromium.pending.get(message.get("id").asInt());
            if (call != null) {
              call.complete(message);
            }
          } else if (chromium != null) {
            chromium.events.add(message);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      socket.request(1);
      return null;
    }
  }
}
