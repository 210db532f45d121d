package cn.baoxue.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.reconciliation.ReconciliationRuns.Run;
import cn.baoxue.reconciliation.ReconciliationService;
import cn.baoxue.reconciliation.ReconciliationService.RegistryFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 四查三比对 of a county of Zhenxiong's size: 300,000 户籍 rows and 300,000 学籍 rows (with the
 * optional attendance, 脱贫/监测户 and 残联 files a county has), in one run, one transaction. The
 * county is generated with 28 townships, 280 villages and a school per village; a few per cent of
 * the children are findings, as in a real county: most of them enrolled in another county (a
 * county that sends its families out to work), a few hundred out of school, whose cases are opened.
 * Not part of the test suite:
 * {@code mvn -B -Pbench test -Dtest=ReconciliationBenchmark -Dbench.db=postgres [-Dbench.children=300000]};
 * figures in docs/benchmarks.md.
 */
class ReconciliationBenchmark {

  static final Staff BUREAU = new Staff("bureau-zhenxiong", List.of("county_530627"));
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾";
  private static final String GIVEN = "明华红梅兰英杰伟芳娜敏静丽强磊军洋勇艳秀娟涛超霞平刚桂";
  static final int TOWNSHIPS = 28;
  static final int VILLAGES_PER_TOWNSHIP = 10;

  @Test
  void aCountyOfZhenxiongsSize() throws Exception {
    int children = BenchApplication.intProperty("bench.children", 300_000);
    // The run's own log line splits its time: staged (read, checked, written), compared, cases.
    try (BenchApplication app = BenchApplication.start("reconcile", "logging.level.cn.baoxue.reconciliation=INFO")) {
      createCounty(app.bean(JdbcTemplate.class));
      County county = new County(children);
      Map<String, RegistryFile> files = county.files();
      long bytes = files.values().stream().mapToLong(file -> file.content().length).sum();

      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long heapBefore = heapUsed();
      long start = System.nanoTime();
      Run run = app.bean(ReconciliationService.class).run(files, BUREAU);
      long millis = (System.nanoTime() - start) / 1_000_000;
      long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
          .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

      assertThat(run.counts().get("NOT_ENROLLED")).isEqualTo(county.notEnrolled);
      assertThat(run.counts().get("NOT_ATTENDING")).isEqualTo(county.notAttending);
      assertThat(run.counts().get("ENROLLED_OUTSIDE")).isEqualTo(county.outside);
      assertThat(run.counts().get("DISABLED_UNPLACED")).isEqualTo(county.disabledUnplaced);
      // A generated child may share a 身份证号 with a demo child who has a case: linked, not opened.
      assertThat(run.casesOpened() + run.casesLinked()).isEqualTo(county.notEnrolled + county.notAttending + county.disabledUnplaced);

      new BenchReport("Reconciliation (四查三比对), " + children + " children of one county, one run, one transaction",
          "files", "rows", "findings", "cases opened", "time", "peak heap during the run")
          .row(String.format("%.1f MB of .csv (5 files)", bytes / 1e6),
              county.householdRows + " 户籍, " + county.enrolmentRows + " 学籍, " + county.attendanceRows + " 在校, "
                  + county.povertyRows + " 脱贫/监测, " + county.disabilityRows + " 残联",
              run.findingCount() + " (" + run.counts() + ")", run.casesOpened(), String.format("%.1f s", millis / 1000.0),
              String.format("%d MB (%d MB before)", peakHeap / 1_000_000, heapBefore / 1_000_000))
          .print();
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** 28 townships of 10 villages, a school in each village (the demo county's units stay). */
  private static void createCounty(JdbcTemplate jdbc) {
    for (int t = 0; t < TOWNSHIPS; t++) {
      String township = township(t);
      jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values (?, ?, 'TOWNSHIP', '530627')",
          township, "乡镇" + t);
      for (int v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
        jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values (?, ?, 'VILLAGE', ?)",
            village(t, v), "村" + t + "-" + v, township);
        jdbc.update("insert into org_unit (code, name, unit_type, parent_code) values (?, ?, 'SCHOOL', ?)",
            school(t, v), "学校" + t + "-" + v, village(t, v));
      }
    }
  }

  static String township(int t) {
    return "530627" + (600 + t);
  }

  static String village(int t, int v) {
    return township(t) + (200 + v);
  }

  static String school(int t, int v) {
    // 5306279000…: clear of the demo county's schools (5306270001…).
    return String.valueOf(5_306_279_000L + t * VILLAGES_PER_TOWNSHIP + v);
  }

  /** The registries of the county, as its offices export them, and what a run must find in them. */
  static final class County {
    final int children;
    int householdRows;
    int enrolmentRows;
    int attendanceRows;
    int povertyRows;
    int disabilityRows;
    int notEnrolled;
    int notAttending;
    int outside;
    int disabledUnplaced;
    private final Random random = new Random(530627);
    private final Map<LocalDate, Integer> sequences = new HashMap<>();

    County(int children) {
      this.children = children;
    }

    Map<String, RegistryFile> files() {
      StringBuilder household = new StringBuilder("姓名,身份证号,性别,出生日期,户籍村代码,监护人,联系电话\r\n");
      StringBuilder enrolment = new StringBuilder("姓名,身份证号,学籍号,学校代码,年级,学籍状态,状态说明\r\n");
      StringBuilder attendance = new StringBuilder("身份证号,学校代码,最后到校日期\r\n");
      StringBuilder poverty = new StringBuilder("身份证号,户主,类别\r\n");
      StringBuilder disability = new StringBuilder("身份证号,姓名,残疾类别,等级\r\n");
      LocalDate today = BeijingTime.today();
      LocalDate cutOff = LocalDate.of(today.getMonthValue() > 8 ? today.getYear() : today.getYear() - 1, 8, 31);
      String seen = today.minusDays(2).toString();
      // 户籍 children of 6 to 16 on the cut-off day; a few 学籍 rows more come from children of other
      // counties studying here, so that both files have the same number of rows.
      int withHousehold = children - children / 100;
      for (int i = 0; i < children; i++) {
        boolean male = random.nextBoolean();
        LocalDate birth = cutOff.minusYears(6).minusDays(random.nextInt(11 * 365 - 2));
        String id = idNumber(birth, male);
        String name = name();
        int t = random.nextInt(TOWNSHIPS);
        int v = random.nextInt(VILLAGES_PER_TOWNSHIP);
        int grade = Math.min(9, Math.max(1, cutOff.getYear() - birth.getYear() - 5));
        int roll = random.nextInt(10_000);
        if (i >= withHousehold) {
          enrolmentRows++;
          enrolment.append(name).append(',').append(id).append(",G").append(id).append(',').append(school(t, v)).append(',')
              .append(grade).append(",在读,\r\n");
          attendanceRows++;
          attendance.append(id).append(',').append(school(t, v)).append(',').append(seen).append("\r\n");
          continue;
        }
        householdRows++;
        household.append(name).append(',').append(id).append(',').append(male ? "男" : "女").append(',').append(birth)
            .append(',').append(village(t, v)).append(',').append(name.charAt(0)).append("大山,13800000000\r\n");
        if (random.nextInt(100) < 15) {
          povertyRows++;
          poverty.append(id).append(',').append(name.charAt(0)).append("大山,").append(random.nextInt(5) > 0 ? "脱贫户" : "监测户").append("\r\n");
        }
        if (roll >= 9900) {
          // 残联: 1% of the children; most at school or taught at home, three in a hundred of them placed nowhere.
          disabilityRows++;
          disability.append(id).append(',').append(name).append(",肢体,二级\r\n");
          if (roll >= 9997) {
            disabledUnplaced++;
            continue;
          }
          enrolmentRows++;
          enrolment.append(name).append(',').append(id).append(",G").append(id).append(',').append(school(t, v)).append(',')
              .append(grade).append(roll >= 9950 ? ",送教上门,\r\n" : ",在读,\r\n");
          if (roll < 9950) {
            attendanceRows++;
            attendance.append(id).append(',').append(school(t, v)).append(',').append(seen).append("\r\n");
          }
          continue;
        }
        if (roll >= 9895) {
          notEnrolled++;
          continue;
        }
        if (roll >= 9590) {
          // 学籍 in another county: the families' work takes the children with them.
          outside++;
          enrolmentRows++;
          enrolment.append(name).append(',').append(id).append(",G").append(id).append(",").append(4400000000L + i % 10_000)
              .append(',').append(grade).append(",在读,\r\n");
          continue;
        }
        enrolmentRows++;
        enrolment.append(name).append(',').append(id).append(",G").append(id).append(',').append(school(t, v)).append(',')
            .append(grade).append(",在读,\r\n");
        if (roll >= 9585) {
          notAttending++;
          continue;
        }
        attendanceRows++;
        attendance.append(id).append(',').append(school(t, v)).append(',').append(seen).append("\r\n");
      }
      Map<String, RegistryFile> files = new LinkedHashMap<>();
      files.put("household", file("户籍.csv", household));
      files.put("enrolment", file("学籍.csv", enrolment));
      files.put("attendance", file("在校情况.csv", attendance));
      files.put("poverty", file("脱贫监测户.csv", poverty));
      files.put("disability", file("残联.csv", disability));
      return files;
    }

    private static RegistryFile file(String name, StringBuilder text) {
      return new RegistryFile(name, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String name() {
      return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
          + GIVEN.charAt(random.nextInt(GIVEN.length()));
    }

    private String idNumber(LocalDate birth, boolean male) {
      int sequence = sequences.merge(birth, 1, Integer::sum);
      String body = "530627" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted((sequence * 2 + (male ? 1 : 0)) % 1000);
      int sum = 0;
      for (int k = 0; k < 17; k++) {
        sum += (body.charAt(k) - '0') * WEIGHTS[k];
      }
      return body + "10X98765432".charAt(sum % 11);
    }
  }
}
