package cn.baoxue.atrisk;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.web.ImportTemplate;
import cn.baoxue.web.UploadedTable;
import cn.baoxue.web.UploadedTable.Line;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grades import (成绩导入): a school's teachers upload each pupil's score per subject and her
 * rank in her grade, for a term of the school calendar; scores below {@link RiskSignals#PASS_MARK}
 * count as failed subjects, a rank lower than the term before as a fall. Every row is checked
 * first; one bad row and nothing is written, each problem named by its row and column.
 */
@Service
class GradesImport {

  static final String FILE_NAME = "成绩导入模板";
  static final int MAX_ROWS = 20_000;

  /** What the import wrote. */
  record Outcome(int rows, int pupils, String terms) {}

  private final JdbcClient jdbc;
  private final SchoolTerms terms;
  private final AuditTrail auditTrail;

  GradesImport(JdbcClient jdbc, SchoolTerms terms, AuditTrail auditTrail) {
    this.jdbc = jdbc;
    this.terms = terms;
    this.auditTrail = auditTrail;
  }

  private record Row(long studentId, String term, String subject, BigDecimal score, Integer rank) {}

  @Transactional
  public Outcome upload(byte[] content, Staff staff) {
    List<Line<GradeColumn>> lines = UploadedTable.read(content, MAX_ROWS, GradeColumn.class, "成绩表", "成绩");
    if (lines.isEmpty()) {
      throw new InvalidCaseInputException("file", "成绩表中没有数据行");
    }
    Inputs in = new Inputs();
    Map<String, Map<String, Object>> pupils = new HashMap<>();
    Set<String> seen = new HashSet<>();
    List<Row> rows = new java.util.ArrayList<>();
    Set<String> termNames = new java.util.TreeSet<>();
    for (Line<GradeColumn> line : lines) {
      String where = "第" + line.lineNumber() + "行：";
      String field = "rows[" + line.lineNumber() + "]";
      IdNumber idNumber = null;
      String rawId = line.get(GradeColumn.ID_NUMBER);
      Inputs one = new Inputs();
      idNumber = one.idNumber(field + ".idNumber", rawId);
      one.problems().forEach(p -> in.problem(p.field(), where + p.message()));
      Long studentId = null;
      if (idNumber != null) {
        Map<String, Object> pupil = pupils.computeIfAbsent(idNumber.value(), id -> jdbc.sql(
                "select id, name, school_code from student where id_number = ? and merged_into_id is null")
            .param(id).query().listOfRows().stream().findFirst().orElse(Map.of()));
        String school = (String) value(pupil, "school_code");
        if (school == null || !staff.isMemberOf(GroupIds.school(school))) {
          in.problem(field + ".idNumber", where + "本校没有身份证号为 " + IdNumber.mask(idNumber.value()) + " 的在册学生");
        } else if (line.get(GradeColumn.NAME) != null && !line.get(GradeColumn.NAME).equals(value(pupil, "name"))) {
          in.problem(field + ".name", where + "姓名与学籍不符：身份证号 " + IdNumber.mask(idNumber.value()) + " 的学生不叫"
              + line.get(GradeColumn.NAME));
        } else {
          studentId = ((Number) value(pupil, "id")).longValue();
        }
      }
      String term = line.get(GradeColumn.TERM);
      if (term == null) {
        in.problem(field + ".term", where + "请填写学期");
      } else if (terms.named(term).isEmpty()) {
        in.problem(field + ".term", where + "校历中没有这个学期：" + term + "（可填：" + String.join("、", terms.names()) + "）");
      }
      String subject = line.get(GradeColumn.SUBJECT);
      if (subject == null) {
        in.problem(field + ".subject", where + "请填写科目");
      } else if (subject.length() > 32) {
        in.problem(field + ".subject", where + "科目名称不能超过32个字");
      }
      BigDecimal score = number(line.get(GradeColumn.SCORE));
      if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(150)) > 0 || score.scale() > 1) {
        in.problem(field + ".score", where + "成绩须是0到150之间的数，最多一位小数：" + nullToEmpty(line.get(GradeColumn.SCORE)));
      }
      Integer rank = null;
      String rawRank = line.get(GradeColumn.RANK);
      if (rawRank != null) {
        BigDecimal r = number(rawRank);
        if (r == null || r.signum() <= 0 || r.stripTrailingZeros().scale() > 0 || r.compareTo(BigDecimal.valueOf(10000)) > 0) {
          in.problem(field + ".rank", where + "年级排名须是正整数：" + rawRank);
        } else {
          rank = r.intValue();
        }
      }
      if (idNumber != null && term != null && subject != null && !seen.add(idNumber.value() + "|" + term + "|" + subject)) {
        in.problem(field + ".subject", where + "同一学生同一学期的“" + subject + "”成绩重复");
      }
      if (studentId != null && term != null && subject != null && score != null) {
        rows.add(new Row(studentId, term, subject, score, rank));
        termNames.add(term);
      }
    }
    in.check();
    for (Row row : rows) {
      int changed = jdbc.sql("update grade_result set score = ?, grade_rank = ?, imported_by = ?, imported_at = ?"
              + " where student_id = ? and term = ? and subject = ?")
          .params(row.score(), row.rank(), staff.userId(), BeijingTime.now(), row.studentId(), row.term(), row.subject()).update();
      if (changed == 0) {
        jdbc.sql("insert into grade_result (student_id, term, subject, score, grade_rank, imported_by, imported_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
            .params(row.studentId(), row.term(), row.subject(), row.score(), row.rank(), staff.userId(), BeijingTime.now()).update();
      }
    }
    String joined = String.join(",", termNames);
    Row last = rows.get(rows.size() - 1);
    long lastId = jdbc.sql("select id from grade_result where student_id = ? and term = ? and subject = ?")
        .params(last.studentId(), last.term(), last.subject()).query(Long.class).single();
    auditTrail.append(AuditEntry.Kind.AT_RISK_GRADES, lastId, null, staff.userId(), AtRiskAudit.grades(joined, rows.size(), sha256(content)));
    return new Outcome(rows.size(), (int) rows.stream().map(Row::studentId).distinct().count(), joined);
  }

  /** The template: the columns, an example row and the code sheet with the calendar's terms. */
  ImportTemplate template() {
    String term = terms.current().map(t -> t.name()).orElse("2026年秋季学期");
    List<String> headers = Arrays.stream(GradeColumn.values()).map(GradeColumn::header).toList();
    ImportTemplate template = ImportTemplate.of("成绩表", headers,
            List.of("张小梅" + UploadedTable.EXAMPLE_MARK, "530627201503150026", term, "数学", "58.5", "120"))
        .textColumns(GradeColumn.ID_NUMBER.header())
        .code(GradeColumn.SUBJECT.header(), "语文、数学、英语……", "每行一门科目，同一学生同一学期每门一行")
        .code(GradeColumn.SCORE.header(), "0–150", "低于60分计为不及格，最多一位小数")
        .code(GradeColumn.RANK.header(), "正整数", "该生本学期在本年级的名次，可不填；比上学期下降计入风险积分");
    for (String name : terms.names()) {
      template.code(GradeColumn.TERM.header(), name, "校历中的学期");
    }
    return template;
  }

  private static BigDecimal number(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return new BigDecimal(raw.trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Object value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v != null ? v : row.get(column.toUpperCase());
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
