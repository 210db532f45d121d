package cn.baoxue.field;

import cn.baoxue.cases.CaseOfProcess;
import cn.baoxue.cases.CaseRecordLines;
import cn.baoxue.cases.ContactLog;
import cn.baoxue.cases.ContactLogService;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.HelperAssignment;
import cn.baoxue.cases.HelperAssignmentRepository;
import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.cases.PersonalDataPolicy.Disclosure;
import cn.baoxue.cases.PersonalDataViewed;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.Roles;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 今日工作 and 我的个案 of the field app: the tasks a member of staff holds or is offered (by name,
 * as the helpers of 入户家访 and 跟踪回访 are, or through her unit), overdue first; the open cases
 * she helps on or has work on, each as a case card with what her role may read, masked as the case
 * page masks it.
 */
@Service
// Not read-only: showing a card records the reading of a child's personal data in the audit
// trail (PersonalDataViewed), in this transaction.
@Transactional
class FieldWork {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** The most recent records a card shows. */
  private static final int RECENT = 6;
  /** A phone keeps no more cases than this. */
  private static final int MAX_CASES = 200;

  private final TaskService taskService;
  private final WithoutEngineAuthorization withoutEngineAuthorization;
  private final CaseOfProcess caseOfProcess;
  private final DropoutCaseRepository cases;
  private final HelperAssignmentRepository assignments;
  private final CaseRecordLines recordLines;
  private final ContactLogService contacts;
  private final OrgTree orgTree;
  private final Roles roles;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  FieldWork(TaskService taskService, WithoutEngineAuthorization withoutEngineAuthorization, CaseOfProcess caseOfProcess,
      DropoutCaseRepository cases, HelperAssignmentRepository assignments, CaseRecordLines recordLines,
      ContactLogService contacts, OrgTree orgTree, Roles roles, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.taskService = taskService;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
    this.caseOfProcess = caseOfProcess;
    this.cases = cases;
    this.assignments = assignments;
    this.recordLines = recordLines;
    this.contacts = contacts;
    this.orgTree = orgTree;
    this.roles = roles;
    this.jdbc = jdbc;
    this.events = events;
  }

  /** One task of 今日工作; {@code kind} is the field entry that does it, null where only Tasklist can. */
  record WorkItem(String taskId, String taskName, String kind, String caseNumber, String studentName, String village,
      String due, boolean overdue, boolean claimedByMe) {}

  /** One line of a card's recent work: a step recorded or a contact. */
  record Recent(String what, String doneBy, String day, String result, String notes) {}

  record CaseCard(String caseNumber, String studentName, String gender, Integer grade, String idNumber, String birthDate,
      String guardianName, String guardianPhone, boolean masked, String school, String village, String township,
      List<String> helpers, String status, String rung, String reason, boolean open, boolean mayRecordContacts,
      List<WorkItem> openTasks, List<Recent> recent) {}

  List<WorkItem> today(Staff staff) {
    LocalDateTime now = BeijingTime.now();
    List<Task> tasks = withoutEngineAuthorization.call(() -> tasksFor(staff).list());
    return tasks.stream()
        .map(task -> item(task, staff, now))
        .sorted(Comparator.comparing(WorkItem::overdue).reversed()
            .thenComparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  List<CaseCard> myCases(Staff staff) {
    List<WorkItem> work = today(staff);
    List<String> numbers = new ArrayList<>(helpedOn(staff.userId()));
    work.stream().map(WorkItem::caseNumber).filter(Objects::nonNull).filter(n -> !numbers.contains(n)).forEach(numbers::add);
    return numbers.stream().limit(MAX_CASES)
        .map(number -> card(number, staff, work))
        .flatMap(Optional::stream)
        .toList();
  }

  /** The card of one case, if her jurisdiction covers it; the viewing is logged as the case page's is. */
  Optional<CaseCard> card(String caseNumber, Staff staff) {
    return card(caseNumber, staff, today(staff));
  }

  /** The open tasks a member of staff holds or may take, the engine's checks aside: the query names her. */
  TaskQuery tasksFor(Staff staff) {
    TaskQuery query = taskService.createTaskQuery().active();
    query = query.or().taskAssignee(staff.userId()).taskCandidateUser(staff.userId());
    if (!staff.groupIds().isEmpty()) {
      query = query.taskCandidateGroupIn(staff.groupIds());
    }
    return query.endOr();
  }

  private Optional<CaseCard> card(String caseNumber, Staff staff, List<WorkItem> work) {
    Optional<DropoutCase> found = cases.findByCaseNumber(caseNumber)
        .filter(c -> staff.jurisdiction().covers(c.getSchoolCode(), c.getVillageCode(), c.getTownshipCode(), c.getCountyCode()));
    found.ifPresent(c -> events.publishEvent(new PersonalDataViewed(c.getStudent().getId(), c.getId(), staff.userId(), "FIELD_APP")));
    return found.map(c -> card(c, staff, work));
  }

  private CaseCard card(DropoutCase c, Staff staff, List<WorkItem> work) {
    Disclosure disclosure = PersonalDataPolicy.disclosureFor(staff.groupIds());
    var student = c.getStudent();
    List<String> helpers = latestAssignment(c)
        .map(a -> Stream.of(a.getTeacherHelper(), a.getCadreHelper(), a.getWomenfedHelper())
            .filter(Objects::nonNull).map(roles::person).toList())
        .orElse(List.of());
    return new CaseCard(
        c.getCaseNumber(), student.getName(), "F".equals(student.getGender()) ? "女" : "男", c.getGrade(),
        disclosure.idNumber(student.getIdNumber()), disclosure.birthDate(student.getBirthDate()),
        student.getGuardianName(), student.getGuardianPhone() == null ? null : disclosure.phone(student.getGuardianPhone()),
        !disclosure.inFull(), orgTree.schoolName(c.getSchoolCode()), orgTree.name(c.getVillageCode()), orgTree.name(c.getTownshipCode()),
        helpers, c.getStatus().label(), c.getRung() == null ? null : c.getRung().label(),
        c.getReason() == null ? null : c.getReason().label(), c.isOpen(), c.isOpen() && contacts.mayRecord(c, staff),
        work.stream().filter(item -> c.getCaseNumber().equals(item.caseNumber())).toList(), recent(c));
  }

  private List<Recent> recent(DropoutCase c) {
    List<Recent> lines = new ArrayList<>();
    recordLines.of(c.getProcessInstanceId())
        .forEach(line -> lines.add(new Recent(line.step(), line.doneBy(), line.day(), line.result(), line.notes())));
    for (ContactLog contact : contacts.contactsOf(c)) {
      lines.add(new Recent("结对帮扶：" + contact.getType().label(), roles.name(contact.getRecordedBy()),
          contact.getDate() == null ? "" : contact.getDate().toString(), "", contact.getNotes()));
    }
    return lines.stream().sorted(Comparator.comparing(Recent::day).reversed()).limit(RECENT).toList();
  }

  private Optional<HelperAssignment> latestAssignment(DropoutCase c) {
    List<HelperAssignment> all = assignments.findByCaseIdOrderByRecordedAtAscIdAsc(c.getId());
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Open cases whose latest helper assignment names her. */
  private List<String> helpedOn(String userId) {
    return jdbc.sql("select c.case_number from dropout_case c join helper_assignment h on h.case_id = c.id "
            + "where c.closed_at is null and h.id = (select max(l.id) from helper_assignment l where l.case_id = c.id) "
            + "and (h.teacher_helper = :user or h.cadre_helper = :user or h.womenfed_helper = :user) "
            + "order by c.reported_at desc")
        .param("user", userId)
        .query(String.class)
        .list();
  }

  private WorkItem item(Task task, Staff staff, LocalDateTime now) {
    Optional<DropoutCase> c = caseOfProcess.find(task.getProcessInstanceId());
    LocalDateTime due = task.getDueDate() == null ? null : BeijingTime.of(task.getDueDate());
    String kind = c.isPresent() ? EntryKind.ofTask(task.getTaskDefinitionKey()).map(Enum::name).orElse(null) : null;
    return new WorkItem(task.getId(), task.getName(), kind, c.map(DropoutCase::getCaseNumber).orElse(null),
        c.map(x -> x.getStudent().getName()).orElse(null), c.map(x -> orgTree.name(x.getVillageCode())).orElse(null),
        due == null ? null : MINUTE.format(due), due != null && due.isBefore(now), staff.userId().equals(task.getAssignee()));
  }
}
