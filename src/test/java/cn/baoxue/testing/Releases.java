package cn.baoxue.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The releases counties run, as listed in {@code releases.tsv} at the repository's root (one line
 * per landing that changed the schema), and the executable jar of each, built from git history the
 * first time it is asked for and kept under {@code ~/.cache/baoxue/releases/<commit>.jar}
 * ({@code BAOXUE_RELEASE_CACHE} elsewhere), so that later runs start at once.
 */
public final class Releases {

  private static final Path LIST = Path.of("releases.tsv");
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

  /** One line of the list. */
  public record Release(String version, String commit, String schema, String landed, String notes) {
    @Override
    public String toString() {
      return version + " (" + commit + ", " + schema + ")";
    }
  }

  private Releases() {}

  /** Every release, oldest first. */
  public static List<Release> all() {
    List<Release> releases = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("version\t")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 5) {
          throw new IllegalStateException("releases.tsv: a line needs 5 tab-separated columns: " + line);
        }
        releases.add(new Release(columns[0].trim(), columns[1].trim(), columns[2].trim(), columns[3].trim(),
            columns[4].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("releases.tsv is read from the repository's root (run through Maven)", e);
    }
    if (releases.isEmpty()) {
      throw new IllegalStateException("releases.tsv lists no release");
    }
    return releases;
  }

  /** The release the current build upgrades from: the last line. */
  public static Release previous() {
    List<Release> releases = all();
    return releases.get(releases.size() - 1);
  }

  /**
   * The release's executable jar: from the cache, or built now from git history ({@code git archive}
   * of its commit into {@code target/releases/}, then {@code mvn -B -q package -DskipTests} there, which
   * may download what the local Maven repository lacks).
   */
  public static synchronized Path jar(Release release) {
    String commit = fullCommit(release.commit());
    Path cached = cacheDirectory().resolve(commit + ".jar");
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    Path source = Path.of("target", "releases", commit).toAbsolutePath();
    try {
      deleteRecursively(source);
      Files.createDirectories(source);
      Path archive = source.resolveSibling(commit + ".tar");
      run(Path.of("."), Duration.ofMinutes(2), "git", "archive", "--format=tar", "-o", archive.toString(), commit);
      run(source, Duration.ofMinutes(2), "tar", "-xf", archive.toString());
      Files.delete(archive);
      run(source, BUILD_TIMEOUT, "mvn", "-B", "-q", "package", "-DskipTests");
      Path built;
      try (Stream<Path> jars = Files.list(source.resolve("target"))) {
        built = jars.filter(path -> path.getFileName().toString().endsWith(".jar"))
            .filter(path -> !path.getFileName().toString().endsWith("-plain.jar"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("The build of " + release + " left no jar in " + source));
      }
      Files.createDirectories(cached.getParent());
      Path partial = cached.resolveSibling(commit + ".jar.partial");
      Files.copy(built, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      deleteRecursively(source);
      return cached;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commit's full hash; a clone without it (shallow) fails here, saying how to get it. */
  static String fullCommit(String commit) {
    try {
      return run(Path.of("."), Duration.ofMinutes(1), "git", "rev-parse", "--verify", commit + "^{commit}").trim();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Commit " + commit + " of releases.tsv is not in this clone's history; "
          + "fetch the full history (git fetch --unshallow) to build the previous release", e);
    }
  }

  private static Path cacheDirectory() {
    String configured = System.getenv("BAOXUE_RELEASE_CACHE");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "baoxue", "releases");
  }

  /** Runs a command, returns its standard output; fails with its output when it fails or takes too long. */
  private static String run(Path directory, Duration timeout, String... command) {
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> {
        try (InputStream in = process.getInputStream()) {
          in.transferTo(output);
        } catch (IOException ignored) {
          // the process ended; what was read is kept
        }
      });
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
      }
      reader.join();
      String text = output.toString(StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " in " + directory + " failed with "
            + process.exitValue() + ":\n" + tail(text));
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path each : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(each);
      }
    }
  }
}
