package cn.baoxue.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.benchmark.BenchApplication;
import cn.baoxue.benchmark.BenchReport;
import cn.baoxue.imports.RosterImportService.Outcome;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.web.Spreadsheet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Times the import of a 50,000-row roster (1% of the children out of school, so 500 cases are
 * opened), as .csv and as .xlsx. Not part of the test suite: {@code mvn -B -Pbench test
 * -Dtest=RosterImportBenchmark [-Dbench.db=postgres]}; figures in docs/benchmarks.md.
 */
class RosterImportBenchmark {

  static final int ROWS = 50_000;
  static final Staff BUREAU = new Staff("bureau-zhenxiong", List.of("county_530627"));
  static final String HEADER = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体";
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  @Test
  void import50000Rows() throws Exception {
    try (BenchApplication app = BenchApplication.start("import")) {
      import50000Rows(app.bean(RosterImportService.class));
    }
  }

  private void import50000Rows(RosterImportService imports) throws Exception {
    byte[] csv = csv(0);
    long start = System.nanoTime();
    Outcome outcome = imports.importRoster("bench.csv", csv, BUREAU);
    long csvMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(outcome.accepted()).as("%s", outcome.badRows().stream().limit(3).toList()).isTrue();
    assertThat(outcome.registered()).isEqualTo(ROWS);
    assertThat(outcome.caseNumbers()).hasSize(ROWS / 100);

    // The same children again as .xlsx: every row is an update, no case is opened twice.
    byte[] xlsx = xlsx(0);
    start = System.nanoTime();
    Outcome again = imports.importRoster("bench.xlsx", xlsx, BUREAU);
    long xlsxMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(again.updated()).isEqualTo(ROWS);

    new BenchReport("Roster import (花名册导入), " + ROWS + " rows, one transaction each file", "file", "size", "outcome", "time")
        .row(".csv, all new children", csv.length / 1024 + " KB",
            outcome.registered() + " registered, " + outcome.caseNumbers().size() + " cases opened", seconds(csvMillis))
        .row(".xlsx, the same children again", xlsx.length / 1024 + " KB", again.updated() + " updated, no case opened",
            seconds(xlsxMillis))
        .print();
  }

  private static String seconds(long millis) {
    return String.format("%.1f s", millis / 1000.0);
  }

  static String[] row(int i) {
    LocalDate birth = LocalDate.now().minusYears(15).plusDays(i % 2900);
    int sequence = i / 2900;
    boolean male = i % 2 == 0;
    String body = "530627" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence * 2 + (male ? 1 : 0));
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += (body.charAt(k) - '0') * WEIGHTS[k];
    }
    String id = body + "10X98765432".charAt(sum % 11);
    boolean nantai = i % 3 == 0;
    boolean out = i % 100 == 7;
    return new String[] {
      "学生" + i, id, male ? "男" : "女", birth.toString(), nantai ? "5306270002" : "5306270001", String.valueOf(1 + i % 9),
      nantai ? "530627104201" : "530627205201", "家长" + i, "13800000000", out ? "辍学" : "在校", out ? "外出务工" : "",
      i % 5 == 0 ? "留守;建档立卡" : ""
    };
  }

  static byte[] csv(int offset) {
    StringBuilder text = new StringBuilder(HEADER).append("\r\n");
    for (int i = 0; i < ROWS; i++) {
      text.append(String.join(",", row(i + offset))).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(int offset) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Spreadsheet sheet = Spreadsheet.to(out)) {
      sheet.sheet("花名册", List.of(HEADER.split(",")));
      for (int i = 0; i < ROWS; i++) {
        sheet.row((Object[]) row(i + offset));
      }
    }
    return out.toByteArray();
  }
}
