package cn.baoxue.enrolment;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.cases.Student;
import cn.baoxue.cases.StudentRepository;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 转学申请: a school asks to take in a pupil; she moves only when the sending school consents, or
 * the township or county over the sending school decides. Until then the asking school learns
 * nothing of her: a request is recorded and answered alike whether the number asked for belongs
 * to a pupil of another school, of another county, or to nobody — otherwise any school could ask
 * the county who exists and where they study. Who the pupil is and where she came from is shown
 * to the asking side once the transfer is granted.
 */
@Service
public class TransferRequests {

  /** Who decides for the sending school: its own staff, or its township's or county's. */
  enum Capacity {
    SCHOOL, TOWNSHIP, COUNTY
  }

  private static final int MAX_REASON = 500;
  private static final String CANNOT_DECIDE = "您无权处理这项转学申请";

  private final StudentRepository students;
  private final OrgTree orgTree;
  private final JdbcClient jdbc;
  private final WorkingDayCalendar calendar;
  private final EnrolmentChanges changes;
  private final ApplicationEventPublisher events;

  TransferRequests(StudentRepository students, OrgTree orgTree, JdbcClient jdbc, WorkingDayCalendar calendar,
      EnrolmentChanges changes, ApplicationEventPublisher events) {
    this.students = students;
    this.orgTree = orgTree;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.changes = changes;
    this.events = events;
  }

  /** What the receiving school asks: the pupil's number, the school taking her, the day she comes, why. */
  public record Ask(String idNumber, String toSchoolCode, String date, String reason) {}

  /** The answer to an ask: the same fields and wording whoever holds the number, or nobody. */
  public record Receipt(long id, String status, String statusLabel, String message) {}

  /**
   * A request as the asking side sees it (the receiving school, its township and county). The
   * pupil's name and former school stay empty until the request is granted; the number is the
   * one the school typed, masked.
   */
  public record Requested(long id, String idNumber, String toSchool, LocalDate date, String reason, String status,
      String statusLabel, String requestedBy, LocalDateTime requestedAt, LocalDateTime decidedAt, String refusalReason,
      String studentName, String fromSchool, boolean mayWithdraw) {}

  /** A request as the sending side sees it (the sending school, its township and county). */
  public record Awaiting(long id, String studentName, String idNumber, Integer grade, String fromSchool, String toSchool,
      LocalDate date, String reason, String status, String statusLabel, String requestedBy, LocalDateTime requestedAt,
      String decidedBy, LocalDateTime decidedAt, String refusalReason, boolean mayDecide) {}

  /** One stored request with the pupil's name and grade when there is a pupil. */
  record Row(long id, String idNumber, Long studentId, String fromSchoolCode, String toSchoolCode, LocalDate transferDate,
      String reason, String status, String requestedBy, LocalDateTime requestedAt, String decidedBy,
      LocalDateTime decidedAt, String decidedAs, String refusalReason, String studentName, Integer studentGrade) {

    TransferStatus state() {
      return TransferStatus.valueOf(status);
    }
  }

  private static final String SELECT = """
      select r.id, r.id_number, r.student_id, r.from_school_code, r.to_school_code, r.transfer_date, r.reason, r.status,
             r.requested_by, r.requested_at, r.decided_by, r.decided_at, r.decided_as, r.refusal_reason,
             s.name as student_name, s.grade as student_grade
      from transfer_request r left join student s on s.id = r.student_id""";

  @Transactional
  public Receipt request(Ask ask, Staff staff) {
    Inputs in = new Inputs();
    IdNumber parsedIdNumber = in.idNumber("idNumber", ask.idNumber());
    String idNumber = parsedIdNumber == null ? null : parsedIdNumber.value();
    String toCode = in.text("toSchoolCode", ask.toSchoolCode(), "转入学校代码", true, 12);
    Optional<OrgUnit> to = toCode == null ? Optional.empty() : orgTree.find(toCode, OrgUnitType.SCHOOL);
    if (toCode != null && to.isEmpty() && in.fine("toSchoolCode")) {
      in.problem("toSchoolCode", "转入学校代码不存在：" + toCode);
    }
    LocalDate date = in.date("date", ask.date(), "转入日期");
    if (date != null && date.isAfter(calendar.today())) {
      in.problem("date", "转入日期不能晚于今天");
    }
    String reason = in.text("reason", ask.reason(), "转学原因", false, MAX_REASON);
    in.check();

    OrgUnit school = to.orElseThrow();
    // Only the receiving school asks for itself: its superiors decide for schools they oversee, not take pupils.
    if (!staff.isMemberOf(GroupIds.of(school.getType(), school.getCode()))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有" + school.getName() + "的教职工可以申请转入该校");
    }
    Optional<Student> pupil = students.findByIdNumber(idNumber);
    if (pupil.isPresent() && school.getCode().equals(pupil.get().getSchoolCode())) {
      // The school holds her: telling it so reveals nothing it does not know.
      in.problem("idNumber", "该学生已是本校在册学生，无需申请转入");
      in.check();
    }
    String pendingKey = school.getCode() + ":" + idNumber;
    if (jdbc.sql("select count(*) from transfer_request where pending_key = ?").param(pendingKey).query(Long.class).single() > 0) {
      throw alreadyAsked(idNumber);
    }

    String from = pupil.map(Student::getSchoolCode).orElse(null);
    Long studentId = pupil.map(Student::getId).orElse(null);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
              insert into transfer_request (id_number, student_id, from_school_code, to_school_code, transfer_date, reason,
                status, requested_by, requested_at, pending_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(idNumber, studentId, from, school.getCode(), date, reason, TransferStatus.PENDING.name(), staff.userId(),
              BeijingTime.now(), pendingKey)
          .update(key, "id");
    } catch (DuplicateKeyException e) {
      throw alreadyAsked(idNumber);
    }
    long id = key.getKey().longValue();
    events.publishEvent(new TransferRecorded(id, TransferStatus.PENDING, staff.userId(),
        "to=" + school.getCode() + ";from=" + (from == null ? "none" : from) + ";student=" + (studentId == null ? "none" : studentId)
            + ";date=" + date));
    return new Receipt(id, TransferStatus.PENDING.name(), TransferStatus.PENDING.label(),
        "转入申请已提交：转出学校（或其所属乡镇、县教育局）同意后，学生转入" + school.getName());
  }

  /** The sending school, or its township or county, lets the pupil go: she moves at once. */
  @Transactional
  public Receipt consent(long requestId, Staff staff) {
    Row row = find(requestId).orElse(null);
    Capacity capacity = decider(row, staff);
    pending(row);
    decide(row, TransferStatus.GRANTED, staff, capacity, null);
    long changeId = changes.move(row.studentId(), EnrolmentChangeType.TRANSFER_IN, row.transferDate(), row.fromSchoolCode(),
        row.toSchoolCode(), null, row.reason(), row.requestedBy());
    jdbc.sql("update transfer_request set enrolment_change_id = ? where id = ?").params(changeId, row.id()).update();
    events.publishEvent(new TransferRecorded(row.id(), TransferStatus.GRANTED, staff.userId(),
        "as=" + capacity + ";from=" + row.fromSchoolCode() + ";to=" + row.toSchoolCode() + ";student=" + row.studentId()
            + ";change=" + changeId));
    return new Receipt(row.id(), TransferStatus.GRANTED.name(), TransferStatus.GRANTED.label(),
        "已同意转学，学生已转入" + orgTree.name(row.toSchoolCode()));
  }

  /** The sending side refuses, with its reason: the pupil stays where she is. */
  @Transactional
  public Receipt refuse(long requestId, String rawReason, Staff staff) {
    Inputs in = new Inputs();
    String reason = in.text("reason", rawReason, "拒绝理由", true, MAX_REASON);
    in.check();
    Row row = find(requestId).orElse(null);
    Capacity capacity = decider(row, staff);
    pending(row);
    decide(row, TransferStatus.REFUSED, staff, capacity, reason);
    events.publishEvent(new TransferRecorded(row.id(), TransferStatus.REFUSED, staff.userId(),
        "as=" + capacity + ";from=" + row.fromSchoolCode() + ";to=" + row.toSchoolCode() + ";student=" + row.studentId()
            + ";reason=" + reason));
    return new Receipt(row.id(), TransferStatus.REFUSED.name(), TransferStatus.REFUSED.label(), "已拒绝这项转学申请，学生学籍不变");
  }

  /** The asking school takes its request back, e.g. one that nobody answers. */
  @Transactional
  public Receipt withdraw(long requestId, Staff staff) {
    Row row = find(requestId).orElse(null);
    if (row == null || !staff.isMemberOf(GroupIds.school(row.toSchoolCode()))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, CANNOT_DECIDE);
    }
    pending(row);
    decide(row, TransferStatus.WITHDRAWN, staff, null, null);
    events.publishEvent(new TransferRecorded(row.id(), TransferStatus.WITHDRAWN, staff.userId(), "to=" + row.toSchoolCode()));
    return new Receipt(row.id(), TransferStatus.WITHDRAWN.name(), TransferStatus.WITHDRAWN.label(), "转学申请已撤回");
  }

  /** The requests made by schools the staff member belongs to or oversees; auditors read all. */
  @Transactional(readOnly = true)
  public List<Requested> requested(Staff staff) {
    return all().stream()
        .filter(row -> staff.jurisdiction().isEverywhere() || capacity(staff, row.toSchoolCode()).isPresent())
        .map(row -> {
          boolean granted = row.state() == TransferStatus.GRANTED;
          return new Requested(row.id(), IdNumber.mask(row.idNumber()), orgTree.name(row.toSchoolCode()), row.transferDate(),
              row.reason(), row.status(), row.state().label(), row.requestedBy(), row.requestedAt(), row.decidedAt(),
              row.refusalReason(), granted ? row.studentName() : null, granted ? orgTree.name(row.fromSchoolCode()) : null,
              row.state() == TransferStatus.PENDING && staff.isMemberOf(GroupIds.school(row.toSchoolCode())));
        })
        .toList();
  }

  /** The requests for pupils of schools the staff member decides for; auditors read all. */
  @Transactional(readOnly = true)
  public List<Awaiting> awaiting(Staff staff) {
    return all().stream()
        .filter(row -> row.fromSchoolCode() != null)
        .filter(row -> staff.jurisdiction().isEverywhere() || capacity(staff, row.fromSchoolCode()).isPresent())
        .map(row -> new Awaiting(row.id(), row.studentName(), IdNumber.mask(row.idNumber()), row.studentGrade(),
            orgTree.name(row.fromSchoolCode()), orgTree.name(row.toSchoolCode()), row.transferDate(), row.reason(),
            row.status(), row.state().label(), row.requestedBy(), row.requestedAt(), row.decidedBy(), row.decidedAt(),
            row.refusalReason(), row.state() == TransferStatus.PENDING && mayDecide(row, staff)))
        .toList();
  }

  /** The schools the staff member may ask for: those whose own group she is in. */
  public List<OrgUnit> askingSchools(Staff staff) {
    return staff.jurisdiction().unitCodes().stream().sorted()
        .flatMap(code -> orgTree.find(code, OrgUnitType.SCHOOL).stream())
        .filter(school -> staff.isMemberOf(GroupIds.of(school.getType(), school.getCode())))
        .toList();
  }

  private List<Row> all() {
    return jdbc.sql(SELECT + " order by r.id desc").query(Row.class).list();
  }

  private Optional<Row> find(long id) {
    return jdbc.sql(SELECT + " where r.id = ?").param(id).query(Row.class).optional();
  }

  /**
   * The capacity in which the staff member decides this request, or 403. A request that is not
   * hers to decide is refused alike whether it exists or not; the one who asked never decides.
   */
  private Capacity decider(Row row, Staff staff) {
    if (row == null || !mayDecide(row, staff)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, CANNOT_DECIDE);
    }
    return capacity(staff, row.fromSchoolCode()).orElseThrow();
  }

  private boolean mayDecide(Row row, Staff staff) {
    return row.fromSchoolCode() != null && !row.toSchoolCode().equals(row.fromSchoolCode())
        && !staff.userId().equals(row.requestedBy()) && capacity(staff, row.fromSchoolCode()).isPresent();
  }

  /**
   * Membership of the school's own group, or of its township's or county's: named groups only,
   * so auditors and administrators, who read everywhere, decide nothing.
   */
  private Optional<Capacity> capacity(Staff staff, String schoolCode) {
    OrgUnit school = orgTree.find(schoolCode, OrgUnitType.SCHOOL).orElse(null);
    if (school == null) {
      return Optional.empty();
    }
    if (staff.isMemberOf(GroupIds.of(school.getType(), school.getCode()))) {
      return Optional.of(Capacity.SCHOOL);
    }
    Optional<OrgUnit> township = orgTree.ancestor(school, OrgUnitType.TOWNSHIP);
    if (township.isPresent() && staff.isMemberOf(GroupIds.of(township.get().getType(), township.get().getCode()))) {
      return Optional.of(Capacity.TOWNSHIP);
    }
    Optional<OrgUnit> county = orgTree.ancestor(school, OrgUnitType.COUNTY);
    if (county.isPresent() && staff.isMemberOf(GroupIds.of(county.get().getType(), county.get().getCode()))) {
      return Optional.of(Capacity.COUNTY);
    }
    return Optional.empty();
  }

  private void pending(Row row) {
    if (row.state() != TransferStatus.PENDING) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "这项转学申请已处理（" + row.state().label() + "），不能再处理");
    }
  }

  /** Records the decision; the status guard makes two concurrent decisions end in one. */
  private void decide(Row row, TransferStatus decision, Staff staff, Capacity capacity, String refusalReason) {
    int decided = jdbc.sql("""
            update transfer_request set status = ?, decided_by = ?, decided_at = ?, decided_as = ?, refusal_reason = ?,
              pending_key = null where id = ? and status = ?""")
        .params(decision.name(), staff.userId(), BeijingTime.now(), capacity == null ? null : capacity.name(), refusalReason,
            row.id(), TransferStatus.PENDING.name())
        .update();
    if (decided != 1) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "这项转学申请刚被他人处理，请刷新后查看");
    }
  }

  private static ResponseStatusException alreadyAsked(String idNumber) {
    return new ResponseStatusException(HttpStatus.CONFLICT,
        "本校已申请转入身份证号为 " + IdNumber.mask(idNumber) + " 的学生，申请尚待处理");
  }
}
