package cn.baoxue.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The dashboard and the monthly and quarterly spreadsheets say what the summary API says. */
@BaoxueWebTest
class ReportPagesTests {

  @Autowired TestRestTemplate anonymous;

  @Test
  void theMonthlySchoolReportCarriesTheSummaryFiguresWithChineseLabels() throws Exception {
    EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl());
    // Read once, right after the report: every figure below is of the case's month.
    YearMonth thisMonth = YearMonth.now();
    String month = thisMonth.toString();
    Map<String, Object> summary = EngineRest.as(anonymous, "teacher-changan")
        .get("/api/reports/summary?scope=5306270001&from=" + thisMonth.atDay(1) + "&to=" + thisMonth.atEndOfMonth())
        .getBody();

    byte[] xlsx = anonymous.withBasicAuth("teacher-changan", "demo")
        .getForEntity("/reports/monthly.xlsx?scope=5306270001&month=" + month, byte[].class).getBody();

    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      Map<String, String> figures = new HashMap<>();
      for (Row row : workbook.getFirstSheet().read()) {
        figures.put(row.getCellText(0), row.getCellText(1));
      }
      assertThat(figures.get("报表")).startsWith("长安村小学控辍保学月报");
      assertThat(figures.get("期间新发现案件")).isEqualTo(String.valueOf(summary.get("cases")));
      assertThat(figures.get("其中：待核实（疑似辍学）")).isEqualTo(String.valueOf(summary.get("suspected")));
      List<String> sheets = workbook.getSheets().map(Sheet::getName).toList();
      assertThat(sheets).containsExactly("汇总", "性别", "学段", "辍学原因", "特殊群体", "状态", "安置方式", "结对帮扶", "结对关爱对象", "结对关爱记录", "联控联保");
      Map<String, String> reasons = new HashMap<>();
      for (Row row : workbook.getSheet(3).orElseThrow().read()) {
        reasons.put(row.getCellText(0), row.getCellText(1));
      }
      assertThat(reasons).containsKey("外出务工");
      assertThat(Integer.parseInt(reasons.get("外出务工"))).isPositive();
    }
  }

  @Test
  void theDashboardShowsTheFiguresAndAChartPerBreakdown() throws Exception {
    EngineRest.as(anonymous, "teacher-changan").startCase(TestStudents.changanGirl());
    var page = anonymous.withBasicAuth("bureau-zhenxiong", "demo").getForEntity("/reports/dashboard", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("镇雄县 控辍保学统计", "echarts.min.js", "在册适龄儿童");
    // The chart data is a JSON data block (the page's Content-Security-Policy allows no inline script).
    String dataBlock = "<script type=\"application/json\" id=\"chart-data\">";
    String json = page.getBody().substring(page.getBody().indexOf(dataBlock) + dataBlock.length());
    Map<String, Map<String, Number>> charts = new ObjectMapper().readValue(json.substring(0, json.indexOf("</script>")),
        new TypeReference<>() {});
    // A county's townships side by side first (各单位对比), then each breakdown.
    assertThat(charts.keySet()).containsExactly("各单位新发现案件", "各单位劝返率（%）", "性别", "学段", "辍学原因", "特殊群体", "状态",
        "安置方式", "结对帮扶", "结对关爱对象", "结对关爱记录");
    assertThat(charts.get("各单位新发现案件").keySet()).containsExactly("南台镇", "尖山乡");
    assertThat(charts.get("辍学原因").get("外出务工").intValue()).isPositive();
    assertThat(charts.get("性别")).containsOnlyKeys("男", "女");
  }

  @Test
  void aQuarterInTheWrongFormatOrAnotherSchoolIsRefusedInChinese() {
    var badQuarter = anonymous.withBasicAuth("bureau-zhenxiong", "demo")
        .getForEntity("/reports/quarterly.xlsx?scope=530627&quarter=2026-5", String.class);
    assertThat(badQuarter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    var otherSchool = anonymous.withBasicAuth("teacher-nantai", "demo")
        .getForEntity("/reports/monthly.xlsx?scope=5306270001&month=2026-11", String.class);
    assertThat(otherSchool.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
