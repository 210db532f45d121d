package cn.baoxue.placement;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.integrity.Sha256;
import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.notifications.Notifications;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 送教上门: the assigned teachers log each visit to a child placed at home, and the visit schedule
 * ({@code processes/home-delivery-schedule.bpmn}) checks each period against {@link HomeDeliveryPlan};
 * a period with fewer visits than planned is recorded as missed (缺送), the township told and asked
 * to urge the teachers, the county when the township does not.
 */
@Service
public class HomeDeliveries {

  /** What a visit accepts (the evidence as a file on the page, as base64 from a script). */
  public static final Set<String> FIELDS = Set.of("date", "hours", "content", "evidenceFileName", "evidenceBase64");
  static final String URGE_BY_TOWNSHIP = "urgeByTownship";
  static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

  private final Placements placements;
  private final DisabledChildRepository children;
  private final HomeDeliveryPlan plan;
  private final JdbcClient jdbc;
  private final AuditTrail auditTrail;
  private final Notifications notifications;

  HomeDeliveries(Placements placements, DisabledChildRepository children, HomeDeliveryPlan plan, JdbcClient jdbc,
      AuditTrail auditTrail, Notifications notifications) {
    this.placements = placements;
    this.children = children;
    this.plan = plan;
    this.jdbc = jdbc;
    this.auditTrail = auditTrail;
    this.notifications = notifications;
  }

  /** One visit as stored. */
  public record Visit(long id, long childId, LocalDate date, BigDecimal hours, String content, String evidenceName,
      String evidenceType, String evidenceSha256, String recordedBy, LocalDateTime recordedAt) {}

  /** An evidence file as uploaded. */
  public record Evidence(String fileName, byte[] content) {}

  public boolean mayLog(DisabledChild child, Staff teacher) {
    return child.getPlacement() == Placement.HOME_DELIVERED && placements.teachersOf(child.getId()).contains(teacher.userId());
  }

  /** Logs one visit: one of the child's 送教 teachers; all of it or, on any problem, nothing. */
  @Transactional
  public Visit recordVisit(long childId, Map<String, Object> body, Evidence upload, Staff teacher) {
    DisabledChild child = placements.requireVisible(childId, teacher);
    if (!mayLog(child, teacher)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有该儿童的送教教师可以登记送教记录");
    }
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), FIELDS, "送教记录");
    LocalDate date = in.date("date", Placements.text(body, "date"), "送教日期");
    if (date != null && date.isAfter(BeijingTime.today())) {
      in.problem("date", "送教日期不能晚于今天");
    } else if (date != null && date.isBefore(child.getAssessedAt().toLocalDate())) {
      in.problem("date", "送教日期不能早于安置日期（" + child.getAssessedAt().toLocalDate() + "）");
    }
    BigDecimal hours = hours(Placements.text(body, "hours"), in);
    String content = in.notes("content", Placements.text(body, "content"), "送教内容", true);
    Evidence evidence = upload;
    String base64 = Placements.text(body, "evidenceBase64");
    String fileName = in.text("evidenceFileName", Placements.text(body, "evidenceFileName"), "佐证文件名", false, 200);
    if (base64 != null) {
      if (fileName == null && in.fine("evidenceFileName")) {
        in.problem("evidenceFileName", "请填写佐证文件名");
      }
      try {
        evidence = new Evidence(fileName, Base64.getDecoder().decode(base64));
      } catch (IllegalArgumentException notBase64) {
        in.problem("evidenceBase64", "佐证文件须为 base64 编码");
      }
    } else if (fileName != null) {
      in.problem("evidenceFileName", "只填了文件名，没有佐证文件");
    }
    String type = evidence == null ? null : evidenceType(evidence, in);
    in.check();
    String sha = evidence == null ? null : Sha256.hex(evidence.content());
    org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into home_delivery_visit (child_id, visit_date, hours, content, evidence_name, evidence_type, evidence_sha256,"
            + " evidence_content, recorded_by, recorded_at) values (:child, :date, :hours, :content, :name, :type, :sha, :bytes, :by, :at)")
        .param("child", childId).param("date", date).param("hours", hours).param("content", content)
        .param("name", evidence == null ? null : evidence.fileName()).param("type", type).param("sha", sha)
        .param("bytes", evidence == null ? null : evidence.content()).param("by", teacher.userId()).param("at", BeijingTime.now())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    auditTrail.append(AuditEntry.Kind.HOME_DELIVERY_VISIT, id, null, teacher.userId(),
        "visit=" + id + ";child=" + childId + ";date=" + date + ";hours=" + hours.toPlainString() + ";evidence=" + (sha == null ? "" : sha));
    return visitsOf(childId).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
  }

  public List<Visit> visitsOf(long childId) {
    return jdbc.sql("select id, child_id, visit_date, hours, content, evidence_name, evidence_type, evidence_sha256, recorded_by, recorded_at"
            + " from home_delivery_visit where child_id = :child order by visit_date, id")
        .param("child", childId)
        .query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDateTime.class)))
        .list();
  }

  /** A missed period as the page shows it. */
  public record Miss(LocalDate periodStart, LocalDate periodEnd, int planned, int delivered, LocalDateTime escalatedAt,
      String urgedBy, String urgeNote) {}

  public List<Miss> missesOf(long childId) {
    return jdbc.sql("select period_start, period_end, planned, delivered, escalated_at, urged_by, urge_note from home_delivery_miss"
            + " where child_id = :child order by period_start")
        .param("child", childId)
        .query((rs, n) -> new Miss(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
            rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getString(7)))
        .list();
  }

  // --- the schedule's steps

  /** The variables that start the schedule of a child just placed at home. */
  Map<String, Object> scheduleStart(DisabledChild child) {
    YearMonth first = plan.firstPeriod(child.getAssessedAt().toLocalDate());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("childId", child.getId());
    variables.put("childName", child.getName());
    variables.put("townshipGroup", GroupIds.township(child.getTownshipCode()));
    variables.put("countyGroup", GroupIds.county(child.getCountyCode()));
    variables.put("periodStart", first.atDay(1).toString());
    variables.put("periodEnd", plan.endOf(first));
    return variables;
  }

  static String processKey() {
    return ProcessKeys.HOME_DELIVERY_SCHEDULE;
  }

  /** The outcome of a period just ended, and the next period. */
  record PeriodCheck(String periodLabel, int planned, int delivered, boolean missed, boolean active, String nextStart, java.util.Date nextEnd) {}

  /** “核对本期送教次数”: the visits of the period that began on {@code periodStart}, against the plan. */
  @Transactional
  public PeriodCheck check(long childId, String periodStart) {
    YearMonth period = YearMonth.from(LocalDate.parse(periodStart));
    int planned = plan.planned(period);
    int delivered = jdbc.sql("select count(*) from home_delivery_visit where child_id = :child and visit_date >= :from and visit_date < :to")
        .param("child", childId).param("from", period.atDay(1)).param("to", period.plusMonths(1).atDay(1))
        .query(Integer.class).single();
    boolean active = children.findById(childId).map(c -> c.getPlacement() == Placement.HOME_DELIVERED).orElse(false);
    YearMonth next = period.plusMonths(1);
    return new PeriodCheck(period.getYear() + "年" + period.getMonthValue() + "月", planned, delivered, delivered < planned, active,
        next.atDay(1).toString(), plan.endOf(next));
  }

  /** “记录缺送并通知乡镇”: the missed period recorded, the township told. */
  @Transactional
  public void recordMiss(String processInstanceId, long childId, String periodStart, int planned, int delivered) {
    YearMonth period = YearMonth.from(LocalDate.parse(periodStart));
    DisabledChild child = children.findById(childId).orElseThrow();
    jdbc.sql("insert into home_delivery_miss (child_id, period_start, period_end, planned, delivered, process_instance_id, recorded_at)"
            + " values (:child, :from, :to, :planned, :delivered, :process, :at)")
        .param("child", childId).param("from", period.atDay(1)).param("to", period.atEndOfMonth())
        .param("planned", planned).param("delivered", delivered).param("process", processInstanceId).param("at", BeijingTime.now())
        .update();
    notifications.escalated(GroupIds.township(child.getTownshipCode()), null, null,
        child.getName() + "（送教上门）" + period.getYear() + "年" + period.getMonthValue() + "月应送教" + planned + "次，实际" + delivered
            + "次，请督促送教教师");
  }

  /** “逾期上报县教育局”: the township did not urge in time; the county is told. */
  @Transactional
  public void escalateMiss(String processInstanceId, long childId) {
    DisabledChild child = children.findById(childId).orElseThrow();
    jdbc.sql("update home_delivery_miss set escalated_at = :at where process_instance_id = :process and urged_at is null and escalated_at is null")
        .param("at", BeijingTime.now()).param("process", processInstanceId).update();
    notifications.escalated(GroupIds.county(child.getCountyCode()), null, null,
        child.getName() + "（送教上门）缺送，乡镇逾期未督促，请县教育局督促");
  }

  /** “记录督促”: who urged, with her note, on the period's miss. */
  @Transactional
  public void recordUrge(String processInstanceId, String note, String userId) {
    Inputs in = new Inputs();
    String text = in.notes("urgeNote", note, "督促情况", true);
    if (userId == null) {
      in.problem("", "督促须由登录的工作人员办理");
    }
    in.check();
    int updated = jdbc.sql("update home_delivery_miss set urged_by = :by, urged_at = :at, urge_note = :note where id ="
            + " (select min(id) from home_delivery_miss where process_instance_id = :process and urged_at is null)")
        .param("by", userId).param("at", BeijingTime.now()).param("note", text).param("process", processInstanceId).update();
    if (updated == 0) {
      throw new InvalidCaseInputException("该送教排期没有待督促的缺送记录");
    }
  }

  private static BigDecimal hours(String raw, Inputs in) {
    String value = Inputs.trim(raw);
    if (value == null) {
      in.problem("hours", "送教时长不能为空");
      return null;
    }
    try {
      BigDecimal hours = new BigDecimal(value);
      if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(8)) > 0) {
        in.problem("hours", "送教时长须在0到8小时之间");
      } else if (hours.stripTrailingZeros().scale() > 1) {
        in.problem("hours", "送教时长最多一位小数");
      }
      return hours;
    } catch (NumberFormatException notNumber) {
      in.problem("hours", "送教时长须为数字（小时）");
      return null;
    }
  }

  /** A photo (JPEG, PNG) or a PDF, by its first bytes, of at most 10 MB. */
  private static String evidenceType(Evidence evidence, Inputs in) {
    byte[] b = evidence.content();
    if (b.length == 0) {
      in.problem("evidenceBase64", "佐证文件是空的");
      return null;
    }
    if (b.length > MAX_EVIDENCE_BYTES) {
      in.problem("evidenceBase64", "佐证文件不能超过10MB");
      return null;
    }
    if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length > 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
      return "application/pdf";
    }
    in.problem("evidenceBase64", "佐证文件须为照片（JPG、PNG）或 PDF");
    return null;
  }
}
