package cn.baoxue.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indexes of V30__benchmark_indexes.sql, dropped and created again to measure before and after in one run. */
final class BenchmarkIndexes {

  private static final String MIGRATION = "db/migration/V30__benchmark_indexes.sql";
  private static final Pattern NAME = Pattern.compile("create index (\\w+) on", Pattern.CASE_INSENSITIVE);

  private BenchmarkIndexes() {}

  static List<String> statements() {
    try (InputStream in = BenchmarkIndexes.class.getClassLoader().getResourceAsStream(MIGRATION)) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
      return Arrays.stream(script.split(";")).map(String::trim).filter(statement -> !statement.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void drop(JdbcTemplate jdbc, List<String> statements) {
    for (String statement : statements) {
      Matcher name = NAME.matcher(statement);
      if (name.find()) {
        jdbc.execute("drop index if exists " + name.group(1));
      }
    }
    analyze(jdbc);
  }

  static void create(JdbcTemplate jdbc, List<String> statements) {
    statements.forEach(jdbc::execute);
    analyze(jdbc);
  }

  private static void analyze(JdbcTemplate jdbc) {
    if (BenchApplication.onPostgres()) {
      jdbc.execute("analyze");
    }
  }
}
