package cn.baoxue.transfer;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.cases.CaseOfProcess;
import cn.baoxue.cases.CaseQueries;
import cn.baoxue.cases.CaseRelocation;
import cn.baoxue.cases.CaseStep;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.documents.CaseDocument;
import cn.baoxue.documents.CaseDocuments;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.org.Roles;
import cn.baoxue.security.WithoutEngineAuthorization;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 跨县移交: the bureau of a case's county hands the open case to another county of the deployment
 * (the family moved, the child works there) with a reason; that county's bureau accepts it — the
 * case, its routing and its open tasks move to the village (and school, if any) it chooses, and its
 * new township names new helpers — or returns it with a reason. For a county outside the deployment
 * the bureau issues a 协查函 instead and the case is marked 外地协查, staying on the ledgers. The
 * {@code case-transfer} process carries the decision and its deadline; {@code dropout-case} runs on.
 */
@Service
public class CountyTransfers {

  /** The body of {@code POST /api/cases/{number}/transfer}. */
  static final Set<String> TRANSFER_FIELDS = Set.of("toCounty", "reason");
  /** The body of {@code POST /api/cases/{number}/assistance-letter}. */
  static final Set<String> LETTER_FIELDS = Set.of("toAuthority", "toPlace", "reason");

  public static final String ACCEPT = "ACCEPT";
  public static final String REJECT = "REJECT";
  /** The tasks of dropout-case offered to the helpers by name (candidateUsers). */
  static final Set<String> HELPER_TASKS = Set.of("homeVisit", "followUp");
  /** The tasks of dropout-case offered to the school (schoolGroup): they follow the school, not the township. */
  static final Set<String> SCHOOL_TASKS = Set.of("verify", "persuadeSchool", "planPlacement");
  static final List<String> HELPER_VARIABLES = List.of("teacherHelper", "cadreHelper", "womenfedHelper");

  private final DropoutCaseRepository cases;
  private final CaseQueries caseQueries;
  private final CaseOfProcess caseOfProcess;
  private final CaseRelocation relocation;
  private final CountyTransferRepository transfers;
  private final OrgTree orgTree;
  private final Roles roles;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final WithoutEngineAuthorization withoutEngineAuthorization;
  private final AuditTrail auditTrail;
  private final CaseDocuments documents;
  private final ObjectMapper json;
  private final AuthorizationService authorizations;

  CountyTransfers(DropoutCaseRepository cases, CaseQueries caseQueries, CaseOfProcess caseOfProcess, CaseRelocation relocation,
      CountyTransferRepository transfers, OrgTree orgTree, Roles roles, RuntimeService runtimeService, TaskService taskService,
      WithoutEngineAuthorization withoutEngineAuthorization, AuditTrail auditTrail, CaseDocuments documents, ObjectMapper json,
      AuthorizationService authorizations) {
    this.authorizations = authorizations;
    this.cases = cases;
    this.caseQueries = caseQueries;
    this.caseOfProcess = caseOfProcess;
    this.relocation = relocation;
    this.transfers = transfers;
    this.orgTree = orgTree;
    this.roles = roles;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
    this.auditTrail = auditTrail;
    this.documents = documents;
    this.json = json;
  }

  /** What a request answers. */
  public record Requested(Long transferId, String caseNumber, String fromCounty, String toCounty, String status,
      String statusLabel) {}

  /** What a 协查函 answers: the letter to download, and the mark the case now carries. */
  public record Letter(Long transferId, String caseNumber, Long documentId, String documentUrl, String mark) {}

  /** One transfer or letter of a case, as its readers see it: units and people by name. */
  public record View(Long id, String kind, String status, String statusLabel, String fromCounty, String toCounty,
      String toAuthority, String toPlace, String reason, String requestedBy, java.time.LocalDateTime requestedAt,
      String decidedBy, java.time.LocalDateTime decidedAt, String decisionReason) {}

  /** What the receiving county decided, for the process: its path and the routing of the helpers' task. */
  public record Decision(boolean accepted, boolean helpersToReassign, Map<String, Object> routing) {}

  /** Hands an open case to another county of the deployment: all of it, or on any problem nothing. */
  @Transactional
  public Requested request(String caseNumber, Map<String, Object> body, Staff staff) {
    DropoutCase dropoutCase = caseOfItsBureau(caseNumber, staff);
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), TRANSFER_FIELDS, "跨县移交");
    String to = in.text("toCounty", text(body.get("toCounty")), "接收县", true, 12);
    String reason = in.text("reason", text(body.get("reason")), "移交理由", true, 500);
    OrgUnit toCounty = null;
    if (to != null) {
      toCounty = orgTree.find(to, OrgUnitType.COUNTY).orElse(null);
      if (toCounty == null) {
        in.problem("toCounty", "接收县“" + to + "”不在本系统中；本系统以外的县，请签发协查函（外地协查）");
      } else if (to.equals(dropoutCase.getCountyCode())) {
        in.problem("toCounty", "案件已在" + toCounty.getName() + "办理，不能移交给本县");
      }
    }
    requireOpenAndFree(in, dropoutCase);
    in.check();

    CountyTransfer transfer = transfers.save(
        CountyTransfer.transfer(dropoutCase.getId(), dropoutCase.getCountyCode(), to, reason, staff.userId()));
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", dropoutCase.getCaseNumber());
    variables.put("receivingCountyGroup", GroupIds.county(to));
    variables.put("receivingCountyName", toCounty.getName());
    variables.put("sendingCountyName", orgTree.name(dropoutCase.getCountyCode()));
    variables.put("transferReason", reason);
    variables.put("studentName", dropoutCase.getStudent().getName());
    variables.put("schoolName", orgTree.schoolName(dropoutCase.getSchoolCode()));
    variables.put("villageName", orgTree.name(dropoutCase.getVillageCode()));
    // The case summary every task form shows (CaseSummaryListener writes it where a task finds its case).
    variables.put("currentRung", dropoutCase.getRung() == null ? "尚未劝返" : dropoutCase.getRung().label());
    variables.put("reportedOn", dropoutCase.getReportedAt().toLocalDate().toString());
    // The bureau may not start the process through the engine (only dropout-case is open to it): Baoxue starts it.
    ProcessInstance instance = withoutEngineAuthorization.call(() -> runtimeService
        .createProcessInstanceByKey(ProcessKeys.CASE_TRANSFER)
        .businessKey(dropoutCase.getCaseNumber())
        .setVariables(variables)
        .execute());
    if (!instance.getId().equals(transfer.getProcessInstanceId())) {
      throw new IllegalStateException("case-transfer " + instance.getId() + " did not link itself to transfer " + transfer.getId());
    }
    audit(AuditEntry.Kind.COUNTY_TRANSFER, transfer, dropoutCase, staff.userId(), "发起跨县移交",
        orgTree.name(transfer.getFromCounty()) + "将案件移交" + toCounty.getName() + "，理由：" + reason,
        Map.of("toCounty", to));
    return requested(transfer, dropoutCase);
  }

  /**
   * The start of {@code case-transfer} ({@code TransferStartListener}), before its first task exists:
   * the process takes the transfer Baoxue recorded for its case a moment ago and links itself to the
   * case, so its tasks find the case from their creation on. A start with no such record (an
   * administrator starting the model by hand) is refused.
   */
  @Transactional
  public void linkStartedProcess(String caseNumber, String processInstanceId) {
    DropoutCase dropoutCase = cases.findByCaseNumber(caseNumber == null ? "" : caseNumber)
        .orElseThrow(() -> new InvalidCaseInputException("跨县移交只能由案件所在县的教育局在保学中发起"));
    CountyTransfer transfer = transfers.findByCaseIdOrderByRequestedAtAscIdAsc(dropoutCase.getId()).stream()
        .filter(t -> t.isPending() && t.getProcessInstanceId() == null)
        .findFirst()
        .orElseThrow(() -> new InvalidCaseInputException("跨县移交只能由案件所在县的教育局在保学中发起"));
    transfer.runBy(processInstanceId);
    transfers.save(transfer);
    caseOfProcess.link(dropoutCase, processInstanceId);
  }

  /** 协查函 to a county outside the deployment; the case stays where it is, marked 外地协查. */
  @Transactional
  public Letter issueAssistanceLetter(String caseNumber, Map<String, Object> body, Staff staff) {
    DropoutCase dropoutCase = caseOfItsBureau(caseNumber, staff);
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), LETTER_FIELDS, "协查函");
    String toAuthority = in.text("toAuthority", text(body.get("toAuthority")), "协查单位", true, 100);
    String toPlace = in.text("toPlace", text(body.get("toPlace")), "该生现在何地", true, 200);
    String reason = in.text("reason", text(body.get("reason")), "协查事由", true, 500);
    requireOpenAndFree(in, dropoutCase);
    in.check();

    CountyTransfer letter = transfers.save(CountyTransfer.assistance(dropoutCase.getId(), dropoutCase.getCountyCode(), toAuthority,
        toPlace, reason, staff.userId()));
    CaseDocument document = documents.issueAssistanceLetter(dropoutCase.getId(), toAuthority, toPlace, reason, staff.userId());
    letter.letter(document.getId());
    relocation.markOutsideAssistance(dropoutCase, toAuthority + "（" + toPlace + "）");
    audit(AuditEntry.Kind.ASSISTANCE_LETTER, letter, dropoutCase, staff.userId(), "外地协查",
        "向" + toAuthority + "（" + toPlace + "）签发协查函，案件标注为外地协查；事由：" + reason,
        Map.of("documentId", document.getId(), "documentSha256", document.getSha256()));
    return new Letter(letter.getId(), dropoutCase.getCaseNumber(), document.getId(),
        "/cases/" + dropoutCase.getCaseNumber() + "/documents/" + document.getId(), "外地协查");
  }

  /** Every transfer and letter of a case, for whoever reads the case (the sending county included). */
  @Transactional(readOnly = true)
  public List<View> of(String caseNumber, Staff staff) {
    DropoutCase dropoutCase = readable(caseNumber, staff);
    return transfers.findByCaseIdOrderByRequestedAtAscIdAsc(dropoutCase.getId()).stream()
        .map(t -> new View(t.getId(), t.getKind().name(), t.getStatus().name(), t.getStatus().label(),
            orgTree.name(t.getFromCounty()), t.getToCounty() == null ? null : orgTree.name(t.getToCounty()), t.getToAuthority(),
            t.getToPlace(), t.getReason(), roles.person(t.getRequestedBy()), t.getRequestedAt(),
            t.getDecidedBy() == null ? null : roles.person(t.getDecidedBy()), t.getDecidedAt(), t.getDecisionReason()))
        .toList();
  }

  /** What the 跨县移交 page shows: the case, where it stands, what its reader may do there. */
  public record PageView(DropoutCase dropoutCase, String county, boolean mayAct, List<OrgTree.UnitChoice> otherCounties,
      List<View> history) {}

  @Transactional(readOnly = true)
  public PageView page(String caseNumber, Staff staff) {
    DropoutCase dropoutCase = readable(caseNumber, staff);
    boolean mayAct = staff.isMemberOf(GroupIds.county(dropoutCase.getCountyCode())) && dropoutCase.isOpen()
        && !transfers.existsByCaseIdAndStatus(dropoutCase.getId(), CountyTransfer.Status.PENDING);
    List<OrgTree.UnitChoice> counties = orgTree.unitsWithin(Jurisdiction.ofGroups(List.of(GroupIds.ADMINS))).stream()
        .filter(unit -> orgTree.find(unit.code(), OrgUnitType.COUNTY).isPresent() && !unit.code().equals(dropoutCase.getCountyCode()))
        .map(unit -> new OrgTree.UnitChoice(unit.code(), unit.label().strip()))
        .toList();
    return new PageView(dropoutCase, orgTree.name(dropoutCase.getCountyCode()), mayAct, counties, of(caseNumber, staff));
  }

  /** The pending transfer a {@code case-transfer} process carries (for its deadline's escalation). */
  @Transactional(readOnly = true)
  public Optional<CountyTransfer> ofProcess(String processInstanceId) {
    return transfers.findByProcessInstanceId(processInstanceId);
  }

  /**
   * The receiving county's units the case may move to, for the form's pickers: its villages (with
   * their township) and its schools, by name; the completion still checks what is sent.
   */
  @Transactional(readOnly = true)
  public Choices choices(String receivingCountyGroup) {
    List<Map<String, String>> villages = new ArrayList<>();
    List<Map<String, String>> schools = new ArrayList<>();
    if (GroupIds.kindOf(receivingCountyGroup) != GroupIds.Kind.COUNTY) {
      return new Choices(villages, schools);
    }
    for (OrgTree.UnitChoice unit : orgTree.unitsWithin(Jurisdiction.ofGroups(List.of(receivingCountyGroup)))) {
      orgTree.find(unit.code(), OrgUnitType.VILLAGE).ifPresent(village ->
          villages.add(Map.of("label", village.getName() + "（" + orgTree.name(village.getParentCode()) + "）", "value", village.getCode())));
      orgTree.find(unit.code(), OrgUnitType.SCHOOL).ifPresent(school ->
          schools.add(Map.of("label", school.getName(), "value", school.getCode())));
    }
    return new Choices(villages, schools);
  }

  public record Choices(List<Map<String, String>> villages, List<Map<String, String>> schools) {}

  /**
   * The receiving county's answer, from the completion of {@code decideTransfer}. Accepted: the case
   * moves to the chosen units with its whole history, and so do its routing variables and the
   * candidate groups of its open tasks (its own and its 督办); its helpers' tasks wait for the new
   * township. Returned: nothing moves; the reason is recorded.
   */
  @Transactional
  public Decision decide(CaseStep step, String decision, String reason, String villageCode, String schoolCode) {
    CountyTransfer transfer = transfers.findByProcessInstanceId(step.processInstanceId())
        .filter(CountyTransfer::isPending)
        .orElseThrow(() -> new InvalidCaseInputException("该跨县移交不存在或已办理"));
    if (!step.isSystem() && !step.jurisdiction().covers(transfer.getToCounty())) {
      throw new AuthorizationException("您无权办理该跨县移交：只有接收县的教育局可以接收或退回");
    }
    DropoutCase dropoutCase = cases.findById(transfer.getCaseId()).orElseThrow();
    String toName = orgTree.name(transfer.getToCounty());
    Inputs in = new Inputs();
    String answer = in.text("transferDecision", decision, "是否接收", true, 16);
    if (answer != null && !ACCEPT.equals(answer) && !REJECT.equals(answer)) {
      in.problem("transferDecision", "是否接收须为“接收”（ACCEPT）或“退回”（REJECT）");
    }
    String why = in.text("transferDecisionReason", reason, "接收或退回的理由", REJECT.equals(answer), 500);
    if (!REJECT.equals(answer) && !dropoutCase.isOpen()) {
      in.problem("transferDecision", "案件 " + dropoutCase.getCaseNumber() + " 已结案，不能再接收");
    }
    OrgUnit village = null;
    OrgUnit school = null;
    if (ACCEPT.equals(answer)) {
      String v = in.text("receivingVillageCode", villageCode, "户籍村", true, 12);
      String s = in.text("receivingSchoolCode", schoolCode, "就读学校", false, 10);
      village = v == null ? null : unitOf(v, OrgUnitType.VILLAGE, transfer.getToCounty());
      if (v != null && village == null) {
        in.problem("receivingVillageCode", "“" + v + "”不是" + toName + "的村，请在本县的村中选择");
      }
      school = s == null ? null : unitOf(s, OrgUnitType.SCHOOL, transfer.getToCounty());
      if (s != null && school == null) {
        in.problem("receivingSchoolCode", "“" + s + "”不是" + toName + "的学校，请在本县的学校中选择");
      }
    }
    in.check();

    if (REJECT.equals(answer)) {
      transfer.reject(step.actor(), why);
      audit(AuditEntry.Kind.COUNTY_TRANSFER_RETURNED, transfer, dropoutCase, step.actor(), "跨县移交退回",
          toName + "退回移交，案件仍由" + orgTree.name(transfer.getFromCounty()) + "办理；理由：" + why, Map.of());
      return new Decision(false, false, Map.of());
    }
    CaseJurisdiction to = orgTree.jurisdictionOf(school, village);
    String fromUnits = units(dropoutCase.getSchoolCode(), dropoutCase.getVillageCode(), dropoutCase.getTownshipCode());
    Map<String, String> groups = groupMoves(dropoutCase, to);
    String oldSchoolGroup = dropoutCase.schoolGroup();
    relocation.moveTo(dropoutCase, to);
    Map<String, Object> routing = routing(dropoutCase, to);
    boolean helpersToReassign = withoutEngineAuthorization.call(
        () -> moveEngineWork(dropoutCase, step.processInstanceId(), groups, oldSchoolGroup, routing));
    transfer.accept(step.actor(), why, fromUnits, units(dropoutCase.getSchoolCode(), dropoutCase.getVillageCode(),
        dropoutCase.getTownshipCode()));
    audit(AuditEntry.Kind.COUNTY_TRANSFER_ACCEPTED, transfer, dropoutCase, step.actor(), "跨县移交接收",
        toName + "接收案件，转由" + to.township().getName() + "、" + to.village().getName() + "、" + to.schoolName() + "办理"
            + (why == null ? "" : "；" + why) + (helpersToReassign ? "；待" + to.township().getName() + "重新指定包保责任人" : ""),
        Map.of("fromUnits", fromUnits, "toUnits", transfer.getToUnits()));
    return new Decision(true, helpersToReassign, routing);
  }

  /**
   * The new township named the helpers ({@code HelperAssignmentService} checked and recorded them,
   * on this case found through the process link): the case's process and its helpers' open tasks
   * take them, in place of the township that held those tasks meanwhile.
   */
  @Transactional
  public void helpersAssigned(CaseStep step, String teacher, String cadre, String womenfed) {
    CountyTransfer transfer = transfers.findByProcessInstanceId(step.processInstanceId()).orElseThrow();
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    String casePi = dropoutCase.getProcessInstanceId();
    String township = GroupIds.township(dropoutCase.getTownshipCode());
    withoutEngineAuthorization.run(() -> {
      Map<String, Object> helpers = new HashMap<>();
      helpers.put("teacherHelper", teacher);
      helpers.put("cadreHelper", cadre);
      helpers.put("womenfedHelper", womenfed);
      runtimeService.setVariables(casePi, helpers);
      for (Task task : taskService.createTaskQuery().processInstanceId(casePi).list()) {
        if (HELPER_TASKS.contains(task.getTaskDefinitionKey())) {
          taskService.addCandidateUser(task.getId(), teacher);
          taskService.addCandidateUser(task.getId(), cadre);
          taskService.deleteCandidateGroup(task.getId(), township);
        }
      }
    });
    audit(AuditEntry.Kind.COUNTY_TRANSFER_HELPERS, transfer, dropoutCase, step.actor(), "移入案件重新包保",
        orgTree.name(dropoutCase.getTownshipCode()) + "指定包保责任人：" + roles.person(teacher) + "、" + roles.person(cadre)
            + (womenfed == null ? "" : "、" + roles.person(womenfed)),
        Map.of());
  }

  /** Moves what the engine holds for the case; returns whether it had helpers, who must now be named again. */
  private boolean moveEngineWork(DropoutCase dropoutCase, String transferPi, Map<String, String> groups, String oldSchoolGroup,
      Map<String, Object> routing) {
    String casePi = dropoutCase.getProcessInstanceId();
    String newTownship = GroupIds.township(dropoutCase.getTownshipCode());
    Set<String> oldHelpers = new HashSet<>();
    for (String name : HELPER_VARIABLES) {
      Object helper = runtimeService.getVariable(casePi, name);
      if (helper != null) {
        oldHelpers.add(helper.toString());
      }
    }
    boolean hadHelpers = runtimeService.getVariable(casePi, "teacherHelper") != null;
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(dropoutCase.getCaseNumber()).active().list()) {
      if (instance.getId().equals(transferPi)) {
        continue;
      }
      // The case's own process takes every routing variable; a 督办 the ones it carries (RoutingVariablesGuard compares them).
      Map<String, Object> carried = new LinkedHashMap<>();
      routing.forEach((name, value) -> {
        if (instance.getId().equals(casePi) || runtimeService.getVariable(instance.getId(), name) != null) {
          carried.put(name, value);
        }
      });
      Object supervisor = runtimeService.getVariable(instance.getId(), "supervisorGroup");
      if (supervisor != null && groups.containsKey(supervisor.toString())) {
        carried.put("supervisorGroup", groups.get(supervisor.toString()));
      }
      runtimeService.setVariables(instance.getId(), carried);
    }
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(dropoutCase.getCaseNumber()).list()) {
      if (task.getProcessInstanceId().equals(transferPi)) {
        continue;
      }
      boolean ownSchoolTask = task.getProcessInstanceId().equals(casePi) && SCHOOL_TASKS.contains(task.getTaskDefinitionKey());
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getGroupId() != null) {
          String moved = ownSchoolTask && link.getGroupId().equals(oldSchoolGroup)
              ? String.valueOf(routing.get("schoolGroup")) : groups.get(link.getGroupId());
          if (moved != null && !moved.equals(link.getGroupId())) {
            taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
            revoke(task.getId(), link.getGroupId(), null);
            taskService.addCandidateGroup(task.getId(), moved);
          }
        } else if (link.getUserId() != null && oldHelpers.contains(link.getUserId())) {
          taskService.deleteCandidateUser(task.getId(), link.getUserId());
          revoke(task.getId(), null, link.getUserId());
        }
      }
      // Claimed by someone of the county it leaves: back to the new units' list.
      if (task.getAssignee() != null) {
        String assignee = task.getAssignee();
        taskService.setAssignee(task.getId(), null);
        revoke(task.getId(), null, assignee);
      }
      // A helper's task waits with the new township until it names the helpers.
      if (hadHelpers && task.getProcessInstanceId().equals(casePi) && HELPER_TASKS.contains(task.getTaskDefinitionKey())) {
        taskService.addCandidateGroup(task.getId(), newTownship);
      }
    }
    return hadHelpers;
  }

  /**
   * The engine keeps the task authorization it granted a candidate when the candidate is removed:
   * the county the case left would go on seeing (not working) the moved task in its Tasklist.
   */
  private void revoke(String taskId, String groupId, String userId) {
    var query = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId);
    (groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId)).list()
        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
  }

  /** Each group of the units the case leaves, to its counterpart in the units it moves to. */
  private Map<String, String> groupMoves(DropoutCase from, CaseJurisdiction to) {
    Map<String, String> moves = new LinkedHashMap<>();
    moves.put(GroupIds.township(from.getTownshipCode()), to.townshipGroup());
    if (from.hasSchool()) {
      moves.put(GroupIds.school(from.getSchoolCode()), to.schoolGroup());
    }
    moves.put(GroupIds.village(from.getVillageCode()), to.villageGroup());
    moves.put(GroupIds.county(from.getCountyCode()), to.countyGroup());
    moves.put(GroupIds.womenFederation(from.getCountyCode()), GroupIds.womenFederation(to.county().getCode()));
    List<String> above = orgTree.groupsAboveCounty(from.getCountyCode());
    List<String> aboveTo = orgTree.groupsAboveCounty(to.county().getCode());
    for (int i = 0; i < above.size() && i < aboveTo.size(); i++) {
      moves.putIfAbsent(above.get(i), aboveTo.get(i));
    }
    return moves;
  }

  /** The variables the models route by, as the intake sets them (CaseIntakeListener), for the moved case. */
  private static Map<String, Object> routing(DropoutCase dropoutCase, CaseJurisdiction to) {
    Map<String, Object> routing = new LinkedHashMap<>();
    routing.put("schoolGroup", to.schoolGroup());
    routing.put("villageGroup", to.villageGroup());
    routing.put("townshipGroup", to.townshipGroup());
    routing.put("countyGroup", to.countyGroup());
    routing.put("townshipCode", dropoutCase.getTownshipCode());
    routing.put("countyCode", dropoutCase.getCountyCode());
    routing.put("schoolName", to.schoolName());
    routing.put("villageName", to.village().getName());
    return routing;
  }

  private OrgUnit unitOf(String code, OrgUnitType type, String county) {
    return orgTree.find(code, type).filter(unit -> orgTree.countyOf(unit.getCode()).map(county::equals).orElse(false)).orElse(null);
  }

  /**
   * The case as its county's bureau may hand it over: a case outside the caller's sight is not
   * found; one she reads but whose county's bureau she is not (a township, a school, the county that
   * handed it over already, a prefecture) is refused.
   */
  private DropoutCase caseOfItsBureau(String caseNumber, Staff staff) {
    DropoutCase dropoutCase = readable(caseNumber, staff);
    if (!staff.isMemberOf(GroupIds.county(dropoutCase.getCountyCode()))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有案件所在县的教育局可以办理跨县移交和协查函");
    }
    return dropoutCase;
  }

  private DropoutCase readable(String caseNumber, Staff staff) {
    return caseQueries.caseFile(caseNumber, staff.jurisdiction())
        .map(CaseQueries.CaseFile::dropoutCase)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在或不在您的管辖范围内"));
  }

  private void requireOpenAndFree(Inputs in, DropoutCase dropoutCase) {
    transfers.lockCase(dropoutCase.getId());
    if (!dropoutCase.isOpen()) {
      in.problem("caseNumber", "案件 " + dropoutCase.getCaseNumber() + " 已结案，不能移交或发协查函");
    } else if (transfers.existsByCaseIdAndStatus(dropoutCase.getId(), CountyTransfer.Status.PENDING)) {
      in.problem("caseNumber", "案件 " + dropoutCase.getCaseNumber() + " 已在移交中，等待接收县答复");
    }
  }

  private Requested requested(CountyTransfer transfer, DropoutCase dropoutCase) {
    return new Requested(transfer.getId(), dropoutCase.getCaseNumber(), orgTree.name(transfer.getFromCounty()),
        orgTree.name(transfer.getToCounty()), transfer.getStatus().name(), transfer.getStatus().label());
  }

  private void audit(AuditEntry.Kind kind, CountyTransfer transfer, DropoutCase dropoutCase, String actor, String step,
      String description, Map<String, Object> details) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("caseNumber", dropoutCase.getCaseNumber());
    payload.put("transferId", transfer.getId());
    payload.put("step", step);
    payload.put("description", description);
    payload.putAll(details);
    try {
      auditTrail.append(kind, transfer.getId(), dropoutCase.getId(), actor, json.writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String units(String... codes) {
    return String.join(",", java.util.Arrays.stream(codes).map(code -> Objects.toString(code, "")).toList());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
