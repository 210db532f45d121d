package cn.baoxue.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;

/** Appends a test's measured figures to target/operations-figures.md, for docs/operations.md. */
final class OperationsFigures {

  private static final Path FILE = Path.of("target", "operations-figures.md");

  private OperationsFigures() {}

  static void write(String title, List<String> rows) throws IOException {
    StringBuilder table = new StringBuilder()
        .append("\n### ").append(title).append(" — ").append(LocalDateTime.now().withNano(0)).append("\n\n")
        .append("| measured | value |\n|---|---|\n");
    rows.forEach(row -> table.append(row).append('\n'));
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.print(table);
  }
}
