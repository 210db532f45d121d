package cn.baoxue.handover;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.care.CareHelpers;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.HelperAssignmentService;
import cn.baoxue.handover.OpenWork.HeldRole;
import cn.baoxue.handover.OpenWork.HeldTask;
import cn.baoxue.handover.OpenWork.Hold;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.org.Roles;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.security.WithoutEngineAuthorization;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作交接: when a teacher, cadre or official leaves (or moves on), every open task and helper role
 * she holds goes to one successor in one recorded operation, so no case is orphaned. The township
 * hands over the work of its own units' staff, an administrator anyone's. The successor must work
 * in every unit the leaver works in, so each moved task stays with someone entitled to it.
 */
@Service
public class Handovers {

  /** The body of {@code POST /api/staff/{userId}/handover}. */
  static final Set<String> FIELDS = Set.of("successor");

  private final OpenWorkQueries openWork;
  private final StaffDirectory staff;
  private final Roles roles;
  private final OrgTree orgTree;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final WithoutEngineAuthorization withoutEngineAuthorization;
  private final DropoutCaseRepository cases;
  private final HelperAssignmentService helpers;
  private final StaffHandoverRepository handovers;
  private final AuditTrail auditTrail;
  private final ObjectMapper json;
  private final CareHelpers careHelpers;

  Handovers(OpenWorkQueries openWork, StaffDirectory staff, Roles roles, OrgTree orgTree, TaskService taskService,
      RuntimeService runtimeService, WithoutEngineAuthorization withoutEngineAuthorization, DropoutCaseRepository cases,
      HelperAssignmentService helpers, StaffHandoverRepository handovers, AuditTrail auditTrail, ObjectMapper json,
      CareHelpers careHelpers) {
    this.openWork = openWork;
    this.staff = staff;
    this.roles = roles;
    this.orgTree = orgTree;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
    this.cases = cases;
    this.helpers = helpers;
    this.handovers = handovers;
    this.auditTrail = auditTrail;
    this.json = json;
    this.careHelpers = careHelpers;
  }

  /** What would move, for the preview; nothing is changed. */
  public record Plan(String leaver, String leaverName, String successor, String successorName, OpenWork work) {}

  /** What moved. */
  public record Outcome(Long handoverId, String leaverName, String successorName, int tasksMoved, int casesMoved,
      int pairingsMoved) {}

  /** A person's open work, for someone who answers for her units (the caseload page's rows). */
  @Transactional(readOnly = true)
  public OpenWork openWorkOf(String userId, Staff reader) {
    requireMayHandOver(userId, reader);
    return openWork.of(userId);
  }

  /** Who may take over the leaver's work: everyone else in each of her units, by name. */
  @Transactional(readOnly = true)
  public List<Choice> successorChoices(String leaver, Staff operator) {
    requireMayHandOver(leaver, operator);
    List<String> groups = workGroups(leaver);
    if (groups.isEmpty()) {
      return List.of();
    }
    Set<String> eligible = new LinkedHashSet<>();
    staff.membersOf(groups.get(0)).forEach(user -> eligible.add(user.getId()));
    for (String group : groups.subList(1, groups.size())) {
      eligible.retainAll(staff.membersOf(group).stream().map(user -> user.getId()).toList());
    }
    eligible.remove(leaver);
    return eligible.stream().map(id -> new Choice(id, roles.person(id))).toList();
  }

  public record Choice(String userId, String label) {}

  /** Whether the operator may hand over this person's work (the caseload page's 交接 links). */
  public boolean mayHandOver(String leaver, Staff operator) {
    try {
      requireMayHandOver(leaver, operator);
      return true;
    } catch (InvalidCaseInputException | ResponseStatusException refused) {
      return false;
    }
  }

  @Transactional(readOnly = true)
  public Plan preview(String leaver, String successor, Staff operator) {
    return plan(leaver, successor, operator);
  }

  /** Hands the leaver's open work to the successor: all of it or, on any problem, none. */
  @Transactional
  public Outcome handOver(String leaver, Map<String, Object> body, Staff operator) {
    requireMayHandOver(leaver, operator);
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), FIELDS, "工作交接");
    in.check();
    Object successor = body.get("successor");
    Plan plan = plan(leaver, successor == null ? null : successor.toString(), operator);
    OpenWork work = plan.work();
    if (work.isEmpty()) {
      throw new InvalidCaseInputException("leaver", roles.name(leaver) + "没有未办结的待办、包保个案或结对关爱，无需交接");
    }
    withoutEngineAuthorization.run(() -> {
      for (HeldTask task : work.tasks()) {
        if (task.hold() == Hold.ASSIGNED) {
          taskService.setAssignee(task.taskId(), plan.successor());
        } else {
          taskService.deleteCandidateUser(task.taskId(), plan.leaver());
          taskService.addCandidateUser(task.taskId(), plan.successor());
        }
      }
      for (HeldRole role : work.roles()) {
        runtimeService.setVariable(role.processInstanceId(), role.variable(), plan.successor());
      }
    });
    careHelpers.handOver(plan.leaver(), plan.successor());
    Set<String> caseNumbers = new LinkedHashSet<>();
    work.roles().forEach(role -> caseNumbers.add(role.caseNumber()));
    for (String caseNumber : caseNumbers) {
      cases.findByCaseNumber(caseNumber)
          .ifPresent(dropoutCase -> helpers.handOver(dropoutCase, plan.leaver(), plan.successor(), operator.userId()));
    }
    String moved = moved(plan);
    StaffHandover done = handovers.save(new StaffHandover(plan.leaver(), plan.successor(), operator.userId(), work.tasks().size(),
        (int) work.caseCount(), moved));
    auditTrail.append(AuditEntry.Kind.HANDOVER, done.getId(), null, operator.userId(), moved);
    return new Outcome(done.getId(), plan.leaverName(), plan.successorName(), work.tasks().size(), (int) work.caseCount(),
        work.pairings().size());
  }

  private Plan plan(String leaver, String successor, Staff operator) {
    requireMayHandOver(leaver, operator);
    Inputs in = new Inputs();
    String successorId = in.text("successor", successor, "接替人", true, 64);
    if (successorId != null) {
      if (successorId.equals(leaver)) {
        in.problem("successor", "接替人不能是移交人本人");
      } else if (staff.user(successorId) == null) {
        in.problem("successor", "接替人不存在：" + successorId);
      } else {
        List<String> successorGroups = staff.groupIdsOf(successorId);
        for (String group : workGroups(leaver)) {
          if (!successorGroups.contains(group)) {
            in.problem("successor", "接替人" + roles.name(successorId) + "不在" + roles.group(group)
                + "工作，不能接替该单位的工作；请先在该单位为其开通账号");
          }
        }
      }
    }
    in.check();
    return new Plan(leaver, roles.person(leaver), successorId, roles.person(successorId), openWork.of(leaver));
  }

  /**
   * An administrator may hand over anyone's work; a township official the work of staff whose every
   * unit lies in her township (its schools, villages and the township itself). Anyone else, or a
   * person unknown, is refused the same way, so the answer tells nothing about other units' staff.
   */
  private void requireMayHandOver(String leaver, Staff operator) {
    boolean known = staff.user(leaver) != null;
    if (operator.isAdmin()) {
      if (!known) {
        throw new InvalidCaseInputException("leaver", "找不到该工作人员：" + leaver);
      }
      return;
    }
    List<String> units = known ? workGroups(leaver) : List.of();
    boolean withinOwnTownship = !units.isEmpty() && units.stream().allMatch(group -> townshipOf(group)
        .map(township -> operator.isMemberOf(GroupIds.township(township)))
        .orElse(false));
    if (!withinOwnTownship) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有该工作人员所在乡镇或系统管理员可以办理其工作交接");
    }
  }

  /** The unit groups whose work the person does (school, village, township, county, 妇联). */
  private List<String> workGroups(String userId) {
    return staff.groupIdsOf(userId).stream().filter(group -> GroupIds.kindOf(group).givesWork()).toList();
  }

  private Optional<String> townshipOf(String group) {
    GroupIds.Kind kind = GroupIds.kindOf(group);
    if (kind != GroupIds.Kind.SCHOOL && kind != GroupIds.Kind.VILLAGE && kind != GroupIds.Kind.TOWNSHIP) {
      return Optional.empty();
    }
    OrgUnitType type = switch (kind) {
      case SCHOOL -> OrgUnitType.SCHOOL;
      case VILLAGE -> OrgUnitType.VILLAGE;
      default -> OrgUnitType.TOWNSHIP;
    };
    return orgTree.find(GroupIds.unitCode(group), type)
        .flatMap(unit -> orgTree.ancestor(unit, OrgUnitType.TOWNSHIP))
        .map(OrgUnit::getCode);
  }

  private String moved(Plan plan) {
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("leaver", plan.leaver());
    moved.put("successor", plan.successor());
    moved.put("tasks", plan.work().tasks().stream()
        .map(t -> Map.of("taskId", t.taskId(), "caseNumber", t.caseNumber(), "hold", t.hold().name())).toList());
    moved.put("roles", plan.work().roles().stream()
        .map(r -> Map.of("caseNumber", r.caseNumber(), "role", r.variable())).toList());
    moved.put("carePairings", plan.work().pairings().stream().map(CareHelpers.HeldPairing::pairingId).toList());
    try {
      return json.writeValueAsString(moved);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
