package cn.baoxue.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's figures as a Markdown table, printed and appended to
 * target/benchmark-figures.md for docs/benchmarks.md, with the machine's load at the time.
 */
public final class BenchReport {

  private static final Path FILE = Path.of("target", "benchmark-figures.md");

  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public BenchReport(String title, String... header) {
    this.title = title;
    this.header = List.of(header);
  }

  public BenchReport row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  public BenchReport note(String note) {
    notes.add(note);
    return this;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  public void print() {
    StringBuilder text = new StringBuilder()
        .append("\n### ").append(title).append(" — ").append(LocalDateTime.now().withNano(0))
        .append(", ").append(BenchApplication.databaseLabel())
        .append(", load average ").append(loadAverage())
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n")
        .append("| ").append(String.join(" | ", header)).append(" |\n")
        .append("|").append("---|".repeat(header.size())).append('\n');
    rows.forEach(row -> text.append("| ").append(String.join(" | ", row)).append(" |\n"));
    notes.forEach(note -> text.append("\n").append(note).append('\n'));
    System.out.println(text.toString().lines().map(line -> "BENCHMARK " + line).reduce((a, b) -> a + "\n" + b).orElse(""));
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String ms(double millis) {
    return String.format("%.1f ms", millis);
  }
}
