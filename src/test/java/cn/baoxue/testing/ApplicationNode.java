package cn.baoxue.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * Baoxue running in a JVM of its own, as an operator runs it ({@code java … BaoxueApplication}, or
 * {@code java -jar} of a release's jar),
 * so a test can kill it the hard way ({@code kill -9}) and start it again. Its log goes to
 * {@code target/nodes/<name>.log}.
 */
public final class ApplicationNode implements AutoCloseable, CaseDoors {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final String name;
  private final int port;
  private final Map<String, String> environment;
  private final List<String> arguments;
  private final List<String> jvmOptions;
  private final Path jar;
  private final String healthPath;
  private Process process;

  private ApplicationNode(String name, Map<String, String> environment, List<String> arguments, List<String> jvmOptions,
      Path jar, String healthPath) {
    this.name = name;
    this.port = freePort();
    this.environment = environment;
    this.arguments = arguments;
    this.jvmOptions = jvmOptions;
    this.jar = jar;
    this.healthPath = healthPath;
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** A client of this node as the given user; it never throws on 4xx/5xx. */
  public EngineRest as(String user, String password) {
    return EngineRest.as(client(), user, password);
  }

  public TestRestTemplate client() {
    return new TestRestTemplate(
        new RestTemplateBuilder()
            .rootUri(baseUrl())
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(60)));
  }

  /** Starts the JVM and waits until the node answers its health check. */
  public ApplicationNode start() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    if (jar != null) {
      command.add("-jar");
      command.add(jar.toAbsolutePath().toString());
    } else {
      command.add("-cp");
      command.add(classpath());
      command.add("cn.baoxue.BaoxueApplication");
    }
    command.add("--server.port=" + port);
    command.addAll(arguments);
    Path log = Path.of("target", "nodes", name + ".log");
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
          ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitHealthy(log);
    return this;
  }

  private void awaitHealthy(Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> health = http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + healthPath)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException("Node " + name + " did not become healthy within " + START_TIMEOUT + "; see " + log);
  }

  /** The operating system's id of the node's JVM (for /proc/<pid>/status). */
  public long pid() {
    return process.pid();
  }

  /** {@code kill -9}: no shutdown hook, no connection pool closed, no transaction finished. */
  public void killHard() {
    process.destroyForcibly();
    waitForExit();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    if (isAlive()) {
      process.destroy();
      waitForExit();
    }
  }

  private void waitForExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Target/classes plus the runtime dependencies that Maven listed (pom.xml, build-classpath). */
  private static String classpath() {
    try {
      String dependencies = Files.readString(Path.of("target", "application-classpath.txt")).trim();
      return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + dependencies;
    } catch (IOException e) {
      throw new UncheckedIOException("Run through Maven: target/application-classpath.txt is written by the build", e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sleeps for the duration; one already past (a busy machine took longer to get here) sleeps not at all. */
  public static void sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static final class Builder {
    private final String name;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    // Tests favour a quick start (C1 only) and a bounded heap; FootprintBenchmark runs as operators do.
    private List<String> jvmOptions = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1");
    private Path jar;
    private String healthPath = "/actuator/health";

    private Builder(String name) {
      this.name = name;
    }

    public Builder env(String variable, String value) {
      environment.put(variable, value);
      return this;
    }

    public Builder arg(String argument) {
      arguments.add(argument);
      return this;
    }

    /** Replaces the JVM options (default: -Xmx768m -XX:TieredStopAtLevel=1). */
    public Builder jvmOptions(String... options) {
      jvmOptions = List.of(options);
      return this;
    }

    /** Runs this executable jar ({@code java -jar}, e.g. an earlier release) instead of the current build's classes. */
    public Builder jar(Path executableJar) {
      jar = executableJar;
      return this;
    }

    /**
     * Waits in {@link #start()} until the node is ready for traffic (Spring's readiness state, set after
     * the application runners such as DemoData have run), not only until it answers its health check:
     * a test that logs in as a demo user right after the start needs the users in place.
     */
    public Builder untilReady() {
      arguments.add("--management.endpoint.health.probes.enabled=true");
      healthPath = "/actuator/health/readiness";
      return this;
    }

    public ApplicationNode build() {
      return new ApplicationNode(name, environment, arguments, jvmOptions, jar, healthPath);
    }
  }
}
