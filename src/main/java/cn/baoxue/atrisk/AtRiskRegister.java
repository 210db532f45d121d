package cn.baoxue.atrisk;

import cn.baoxue.atrisk.RiskPoints.Assessment;
import cn.baoxue.atrisk.RiskPoints.Point;
import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.calendar.CalendarProperties.SchoolTerm;
import cn.baoxue.cases.DropoutReason;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnit;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The at-risk register (动摇生/家困生/学困生 台账) of a school. An assessment reads each pupil's
 * signals ({@link RiskSignals}), has the decision table weigh them ({@link RiskPoints}) and keeps a
 * flag, with every point that made it, for those it flags. The principal confirms a flag — only
 * then do the teachers see it and a prevention plan starts — or dismisses it with a reason, which
 * the register counts as a false alarm.
 */
@Service
public class AtRiskRegister {

  static final Set<String> ASSESS_FIELDS = Set.of("schoolCode");
  static final Set<String> CONFIRM_FIELDS = Set.of();
  static final Set<String> DISMISS_FIELDS = Set.of("reason");
  static final Set<String> OBSERVE_FIELDS = Set.of("idNumber", "observation", "notes");
  /** A teacher's observations: the reason codes a case would carry. */
  static final Set<DropoutReason> OBSERVATIONS = EnumSet.of(DropoutReason.WEARY, DropoutReason.PARENT_UNSUPPORTIVE, DropoutReason.WORK);

  static final String NOT_FOUND = "风险预警不存在或不在您的管辖范围内";

  /** One flag as kept, with its pupil and points. */
  public record Flag(long id, long studentId, String studentName, String gender, Integer grade, String term,
      String schoolCode, String villageCode, String townshipCode, String countyCode, int totalPoints, FlagStatus status,
      String dismissalReason, LocalDateTime assessedAt, String decidedBy, LocalDateTime decidedAt, List<Point> points) {}

  /** What an assessment did. */
  public record Outcome(String term, int pupils, int flagged, int raised, int updated, int withdrawn) {}

  /** Confirmed flags start their prevention plan through this event (part of the same transaction). */
  public record FlagConfirmed(long flagId, String schoolCode, String confirmedBy) {}

  private final JdbcClient jdbc;
  private final RiskSignals signals;
  private final RiskPoints riskPoints;
  private final SchoolTerms terms;
  private final OrgTree orgTree;
  private final AuditTrail auditTrail;
  private final ApplicationEventPublisher events;

  AtRiskRegister(JdbcClient jdbc, RiskSignals signals, RiskPoints riskPoints, SchoolTerms terms, OrgTree orgTree,
      AuditTrail auditTrail, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.signals = signals;
    this.riskPoints = riskPoints;
    this.terms = terms;
    this.orgTree = orgTree;
    this.auditTrail = auditTrail;
    this.events = events;
  }

  /** Whether she assesses this school: its own staff, or its township's or county's. */
  public boolean mayAssess(String schoolCode, Staff staff) {
    Optional<OrgUnit> school = orgTree.find(schoolCode, OrgUnitType.SCHOOL);
    if (school.isEmpty()) {
      return false;
    }
    if (staff.isMemberOf(GroupIds.school(schoolCode))) {
      return true;
    }
    return staff.groupIds().stream().anyMatch(group -> {
      GroupIds.Kind kind = GroupIds.kindOf(group);
      return (kind == GroupIds.Kind.TOWNSHIP || kind == GroupIds.Kind.COUNTY)
          && Jurisdiction.ofGroups(List.of(group)).covers(chain(school.get()));
    });
  }

  /** Whether she confirms or dismisses the flags of this school: its principal. */
  public boolean mayDecide(String schoolCode, Staff staff) {
    return staff.isMemberOf(GroupIds.school(schoolCode)) && staff.isMemberOf(GroupIds.PRINCIPALS);
  }

  /** Whether she sees flags not yet confirmed, and dismissed ones: the principal, and the units and auditors above the school. */
  public boolean seesUndecided(String schoolCode, Staff staff) {
    if (mayDecide(schoolCode, staff) || staff.isAdmin()) {
      return true;
    }
    return staff.groupIds().stream().map(GroupIds::kindOf).anyMatch(kind -> kind == GroupIds.Kind.TOWNSHIP
        || kind == GroupIds.Kind.COUNTY || kind == GroupIds.Kind.PREFECTURE || kind == GroupIds.Kind.PROVINCE || kind.audits());
  }

  /** Assesses every pupil of the school for the current term: all of it or, on any problem, nothing. */
  @Transactional
  public Outcome assess(Map<String, Object> body, Staff staff) {
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), ASSESS_FIELDS, "风险评估");
    String schoolCode = in.text("schoolCode", text(body, "schoolCode"), "学校", true, 16);
    if (schoolCode != null && in.fine("schoolCode") && orgTree.find(schoolCode, OrgUnitType.SCHOOL).isEmpty()) {
      in.problem("schoolCode", "没有这所学校：" + schoolCode);
    }
    Optional<SchoolTerm> term = terms.current();
    if (term.isEmpty()) {
      in.problem("schoolCode", "校历中没有已开始的学期，无法评估");
    }
    in.check();
    if (!mayAssess(schoolCode, staff)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "学校不存在或不在您的管辖范围内");
    }
    return assess(schoolCode, term.get(), staff.userId());
  }

  Outcome assess(String schoolCode, SchoolTerm term, String actor) {
    List<Map<String, Object>> pupils = jdbc.sql("select s.id, s.special_groups, s.village_code from student s"
            + " where s.school_code = ? and s.merged_into_id is null"
            + " and (s.enrolment_status is null or s.enrolment_status = 'IN_SCHOOL')"
            + " and not exists (select 1 from dropout_case c where c.open_student_id = s.id) order by s.id")
        .param(schoolCode).query().listOfRows();
    OrgUnit school = orgTree.find(schoolCode, OrgUnitType.SCHOOL).orElseThrow();
    int flagged = 0;
    int raised = 0;
    int updated = 0;
    int withdrawn = 0;
    for (Map<String, Object> pupil : pupils) {
      long studentId = ((Number) value(pupil, "id")).longValue();
      Assessment assessment = riskPoints.assess(
          signals.of(studentId, (String) value(pupil, "special_groups"), term, BeijingTime.today()));
      Optional<Map<String, Object>> existing = jdbc.sql("select id, status from risk_flag where student_id = ? and term = ?")
          .params(studentId, term.name()).query().listOfRows().stream().findFirst();
      if (existing.isPresent() && !FlagStatus.PENDING.name().equals(value(existing.get(), "status"))) {
        flagged += assessment.flagged() ? 1 : 0;
        continue; // decided flags stand: the principal's word is not undone by a re-run
      }
      if (existing.isPresent()) {
        long flagId = ((Number) value(existing.get(), "id")).longValue();
        jdbc.sql("delete from risk_point where flag_id = ?").param(flagId).update();
        if (!assessment.flagged()) {
          jdbc.sql("delete from risk_flag where id = ?").param(flagId).update();
          withdrawn++;
          continue;
        }
        jdbc.sql("update risk_flag set total_points = ?, assessed_at = ? where id = ?")
            .params(assessment.total(), BeijingTime.now(), flagId).update();
        writePoints(flagId, assessment);
        flagged++;
        updated++;
        continue;
      }
      if (!assessment.flagged()) {
        continue;
      }
      OrgUnit village = orgTree.find((String) value(pupil, "village_code"), OrgUnitType.VILLAGE).orElse(null);
      CaseJurisdiction place = orgTree.jurisdictionOf(school, village == null ? orgTree.find(school.getParentCode(), OrgUnitType.VILLAGE).orElseThrow() : village);
      jdbc.sql("insert into risk_flag (student_id, term, school_code, village_code, township_code, county_code, total_points,"
              + " status, assessed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(studentId, term.name(), schoolCode, place.village().getCode(), place.township().getCode(),
              place.county().getCode(), assessment.total(), FlagStatus.PENDING.name(), BeijingTime.now()).update();
      long flagId = jdbc.sql("select id from risk_flag where student_id = ? and term = ?").params(studentId, term.name())
          .query(Long.class).single();
      writePoints(flagId, assessment);
      auditTrail.append(AuditEntry.Kind.AT_RISK_FLAG, flagId, null, actor,
          AtRiskAudit.flag(flagId, studentId, term.name(), schoolCode, assessment.total(), pointsText(assessment.points())));
      flagged++;
      raised++;
    }
    return new Outcome(term.name(), pupils.size(), flagged, raised, updated, withdrawn);
  }

  /** The principal confirms a pending flag: it reaches the teachers and its prevention plan starts. */
  @Transactional
  public Flag confirm(long flagId, Map<String, Object> body, Staff staff) {
    Flag flag = requireVisible(flagId, staff);
    requirePrincipal(flag, staff);
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), CONFIRM_FIELDS, "确认风险预警");
    in.check();
    requirePending(flag);
    decide(flag, FlagStatus.CONFIRMED, null, staff);
    events.publishEvent(new FlagConfirmed(flagId, flag.schoolCode(), staff.userId()));
    return find(flagId).orElseThrow();
  }

  /** The principal dismisses a pending flag with her reason: a false alarm the register counts. */
  @Transactional
  public Flag dismiss(long flagId, Map<String, Object> body, Staff staff) {
    Flag flag = requireVisible(flagId, staff);
    requirePrincipal(flag, staff);
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), DISMISS_FIELDS, "排除风险预警");
    String reason = in.notes("reason", text(body, "reason"), "排除理由", true);
    in.check();
    requirePending(flag);
    decide(flag, FlagStatus.DISMISSED, reason, staff);
    return find(flagId).orElseThrow();
  }

  private void requirePrincipal(Flag flag, Staff staff) {
    if (!mayDecide(flag.schoolCode(), staff)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本校校长可以确认或排除风险预警");
    }
  }

  private static void requirePending(Flag flag) {
    if (flag.status() != FlagStatus.PENDING) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该风险预警已" + flag.status().label() + "，不能再次处理");
    }
  }

  private void decide(Flag flag, FlagStatus status, String reason, Staff staff) {
    int changed = jdbc.sql("update risk_flag set status = ?, dismissal_reason = ?, decided_by = ?, decided_at = ?"
            + " where id = ? and status = ?")
        .params(status.name(), reason, staff.userId(), BeijingTime.now(), flag.id(), FlagStatus.PENDING.name()).update();
    if (changed != 1) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该风险预警已被处理");
    }
    auditTrail.append(AuditEntry.Kind.AT_RISK_DECISION, flag.id(), null, staff.userId(),
        AtRiskAudit.decision(flag.id(), status, reason));
  }

  /** A plan's end moves its flag on (lifted, or the pupil left school). */
  @Transactional
  public void closeByPlan(long flagId, FlagStatus status) {
    jdbc.sql("update risk_flag set status = ? where id = ?").params(status.name(), flagId).update();
  }

  /** A teacher of the pupil's school records what she observed (厌学, 家长不支持, 外出务工 intention) this term. */
  @Transactional
  public long observe(Map<String, Object> body, Staff staff) {
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), OBSERVE_FIELDS, "教师观察");
    IdNumber idNumber = in.idNumber("idNumber", text(body, "idNumber"));
    DropoutReason observation = in.code("observation", DropoutReason.class, text(body, "observation"), "观察情况");
    if (observation != null && !OBSERVATIONS.contains(observation)) {
      in.problem("observation", "观察情况只能是厌学、家长不支持或外出务工意向");
    }
    String notes = in.notes("notes", text(body, "notes"), "说明", false);
    Long studentId = null;
    if (idNumber != null) {
      List<Map<String, Object>> found = jdbc.sql("select id, school_code from student where id_number = ? and merged_into_id is null")
          .param(idNumber.value()).query().listOfRows();
      if (found.isEmpty() || !staff.isMemberOf(GroupIds.school((String) value(found.get(0), "school_code")))) {
        in.problem("idNumber", "本校没有身份证号为 " + IdNumber.mask(idNumber.value()) + " 的在册学生");
      } else {
        studentId = ((Number) value(found.get(0), "id")).longValue();
      }
    }
    Optional<SchoolTerm> term = terms.current();
    if (term.isEmpty()) {
      in.problem("observation", "校历中没有已开始的学期");
    }
    in.check();
    int changed = jdbc.sql("update risk_observation set notes = ?, observed_by = ?, observed_at = ? where student_id = ? and term = ?"
            + " and observation = ?")
        .params(notes, staff.userId(), BeijingTime.now(), studentId, term.get().name(), observation.name()).update();
    if (changed == 0) {
      jdbc.sql("insert into risk_observation (student_id, term, observation, notes, observed_by, observed_at) values (?, ?, ?, ?, ?, ?)")
          .params(studentId, term.get().name(), observation.name(), notes, staff.userId(), BeijingTime.now()).update();
    }
    long id = jdbc.sql("select id from risk_observation where student_id = ? and term = ? and observation = ?")
        .params(studentId, term.get().name(), observation.name()).query(Long.class).single();
    auditTrail.append(AuditEntry.Kind.AT_RISK_OBSERVATION, id, null, staff.userId(),
        AtRiskAudit.observation(id, studentId, observation.name()));
    return id;
  }

  /** The flag, if she may read it; 404 otherwise, whether or not it exists. */
  @Transactional(readOnly = true)
  public Flag requireVisible(long flagId, Staff staff) {
    return find(flagId).filter(flag -> visible(flag, staff))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND));
  }

  /** The flags of her jurisdiction she may read, of one school or all, highest points first. */
  @Transactional(readOnly = true)
  public List<Flag> visibleTo(Staff staff, String schoolCode) {
    Jurisdiction.SqlScope scope = staff.jurisdiction().sqlScope("f.school_code", "f.village_code", "f.township_code", "f.county_code");
    var query = jdbc.sql(SELECT + " where (" + scope.condition() + ")"
        + (schoolCode == null ? "" : " and f.school_code = :school") + " order by f.total_points desc, f.id");
    for (Map.Entry<String, Object> param : scope.params().entrySet()) {
      query = query.param(param.getKey(), param.getValue());
    }
    if (schoolCode != null) {
      query = query.param("school", schoolCode);
    }
    return withPoints(query.query(this::flagRow).list()).stream().filter(flag -> visible(flag, staff)).toList();
  }

  public Optional<Flag> find(long flagId) {
    return withPoints(jdbc.sql(SELECT + " where f.id = :id").param("id", flagId).query(this::flagRow).list()).stream().findFirst();
  }

  private boolean visible(Flag flag, Staff staff) {
    return staff.jurisdiction().covers(flag.schoolCode(), flag.villageCode(), flag.townshipCode(), flag.countyCode())
        && (flag.status().reachesTeachers() || seesUndecided(flag.schoolCode(), staff));
  }

  private static final String SELECT = "select f.id, f.student_id, s.name, s.gender, s.grade, f.term, f.school_code, f.village_code,"
      + " f.township_code, f.county_code, f.total_points, f.status, f.dismissal_reason, f.assessed_at, f.decided_by, f.decided_at"
      + " from risk_flag f join student s on s.id = f.student_id";

  private Flag flagRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    java.sql.Timestamp decided = rs.getTimestamp(16);
    int grade = rs.getInt(5);
    return new Flag(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.wasNull() ? null : grade, rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11), FlagStatus.valueOf(rs.getString(12)),
        rs.getString(13), rs.getTimestamp(14).toLocalDateTime(), rs.getString(15), decided == null ? null : decided.toLocalDateTime(),
        List.of());
  }

  private List<Flag> withPoints(List<Flag> flags) {
    if (flags.isEmpty()) {
      return flags;
    }
    Map<Long, List<Point>> byFlag = new LinkedHashMap<>();
    String ids = flags.stream().map(f -> String.valueOf(f.id())).collect(Collectors.joining(","));
    jdbc.sql("select flag_id, reason, category, amount, points from risk_point where flag_id in (" + ids + ") order by points desc, id")
        .query(rs -> {
          byFlag.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new Point(rs.getString(2), RiskCategory.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5)));
        });
    return flags.stream().map(f -> new Flag(f.id(), f.studentId(), f.studentName(), f.gender(), f.grade(), f.term(), f.schoolCode(),
        f.villageCode(), f.townshipCode(), f.countyCode(), f.totalPoints(), f.status(), f.dismissalReason(), f.assessedAt(),
        f.decidedBy(), f.decidedAt(), byFlag.getOrDefault(f.id(), List.of()))).toList();
  }

  private void writePoints(long flagId, Assessment assessment) {
    for (Point point : assessment.points()) {
      jdbc.sql("insert into risk_point (flag_id, reason, category, amount, points) values (?, ?, ?, ?, ?)")
          .params(flagId, point.reason(), point.category().name(), point.amount(), point.points()).update();
    }
  }

  private static String pointsText(List<Point> points) {
    return points.stream().map(p -> p.reason() + ":" + p.points()).collect(Collectors.joining(","));
  }

  private String[] chain(OrgUnit unit) {
    List<String> codes = new ArrayList<>();
    codes.add(unit.getCode());
    for (OrgUnitType level : OrgUnitType.values()) {
      orgTree.ancestor(unit, level).ifPresent(ancestor -> codes.add(ancestor.getCode()));
    }
    return codes.toArray(String[]::new);
  }

  private static Object value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v != null ? v : row.get(column.toUpperCase());
  }

  private static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    return value == null ? null : String.valueOf(value);
  }
}
