package cn.baoxue.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.imports.RosterImportService.Outcome;
import cn.baoxue.org.Staff;
import cn.baoxue.web.Spreadsheet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Times the import of a 50,000-row roster (1% of the children out of school, so 500 cases are
 * opened), as .csv and as .xlsx. Not part of the test suite: {@code mvn -B -Pbench test
 * -Dtest=RosterImportBenchmark}; figures in docs/benchmarks.md.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "baoxue.demo.enabled=true"
    })
class RosterImportBenchmark {

  static final int ROWS = 50_000;
  static final Staff BUREAU = new Staff("bureau-zhenxiong", List.of("county_530627"));
  static final String HEADER = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体";
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  @Autowired RosterImportService imports;

  @Test
  void import50000Rows() throws Exception {
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

    System.out.printf(
        "%nBENCHMARK roster import: %d rows as .csv (%d KB, %d new children, %d cases opened) in %.1f s; "
            + "as .xlsx (%d KB, all updates) in %.1f s%n%n",
        ROWS, csv.length / 1024, outcome.registered(), outcome.caseNumbers().size(), csvMillis / 1000.0,
        xlsx.length / 1024, xlsxMillis / 1000.0);
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
