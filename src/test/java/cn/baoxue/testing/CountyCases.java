package cn.baoxue.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A county's cases in every state, made through a running node's REST API (Camunda's engine-rest and
 * Baoxue's /api, as the demo users): one waiting before each step of the longest path, one closed
 * (销号, with its evidence), one found not to be a dropout, one whose verification missed its deadline
 * and waits under the township's 督办. The documents are issued on the way (责令限期复学通知书, the
 * referral letter). Timers fire by the administrator's {@code POST /engine-rest/job/{id}/execute}, so
 * the node runs with its job executor off. Used by the upgrade test and the restore drill.
 */
public final class CountyCases {

  /** The nodes' real clocks in Beijing, not this JVM's engine clock (other tests move that one). */
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  public final List<Case> cases = new ArrayList<>();
  public Case notADropout;
  public Case supervised;

  private CountyCases() {}

  public static <T> T ok(ResponseEntity<T> response) {
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.toString()).isTrue();
    return response.getBody();
  }

  static LocalDate today() {
    return LocalDate.now(BEIJING);
  }

  /** Reports and walks the cases on the node; about 20 s. */
  public static CountyCases walk(CaseDoors node) {
    CountyCases county = new CountyCases();
    for (int steps = 0; steps <= Step.values().length; steps++) {
      Case walked = Case.report(node, steps == Step.values().length ? "closed" : "before " + Step.values()[steps]);
      for (int i = 0; i < steps; i++) {
        walked.take(node);
      }
      county.cases.add(walked);
    }

    county.notADropout = Case.report(node, "not a dropout");
    EngineRest teacher = node.as("teacher-changan", EngineRest.DEMO_PASSWORD);
    assertThat(teacher.complete(county.notADropout.openTask(node),
        Map.of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "TRANSFERRED", "verifyNotes", "已转学")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // A missed deadline: the verification's escalation timer fires (as the job executor would on
    // the fourth working day) and the township gets a 督办.
    county.supervised = Case.report(node, "verification overdue, under 督办");
    Step.fireTimer(node, county.supervised, "verify");
    assertThat(county.supervisionTasks(node)).as("督办 of " + county.supervised).hasSize(1);
    return county;
  }

  /** The 督办 tasks open on the overdue case. */
  public List<Map<String, Object>> supervisionTasks(CaseDoors node) {
    return ok(node.as("admin", EngineRest.DEMO_PASSWORD).getList(
        "/engine-rest/task?processDefinitionKey=supervision&processInstanceBusinessKey=" + supervised.caseNumber));
  }

  /**
   * The steps of a case from its report to 销号, as the people of 长安村 and 尖山乡 take them, on the
   * longest path: verified, helpers assigned, visited, persuaded by the school and jointly, ordered to
   * return (the written order is issued), the deadline passes, the township checks, the county refers
   * (the referral letter is issued) and the child returns, placed, followed up, closed.
   */
  public enum Step {
    VERIFY("verify") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "teacher-changan", walked, Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校，已电话核实"));
      }
    },
    ASSIGN_HELPERS("assignHelpers") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "official-jianshan", walked, Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
      }
    },
    HOME_VISIT("homeVisit") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "teacher-changan", walked, Map.of("visitDate", today().toString(), "metWith", "父亲",
            "childWhereabouts", "AT_HOME", "reason", "WEARY", "familyAttitude", "HESITANT", "visitNotes", "孩子在家，不愿上学"));
      }
    },
    PERSUADE_SCHOOL("persuadeSchool") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "teacher-changan", walked, Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "谈心两次"));
      }
    },
    PERSUADE_JOINT("persuadeJoint") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "cadre-changan", walked, Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "村乡联合入户"));
      }
    },
    ISSUE_RETURN_ORDER("issueReturnOrder") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "official-jianshan", walked, Map.of("orderDeadline", today().plusDays(10).toString(),
            "persuasionResult", "NOT_RETURNED", "persuasionNotes", "送达责令限期复学通知书"));
      }
    },
    ORDER_DEADLINE_PASSES("orderDeadlinePassed") {
      @Override
      void take(CaseDoors node, Case walked) {
        fireTimer(node, walked, awaits);
      }
    },
    CHECK_ORDER_COMPLIANCE("checkOrderCompliance") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "official-jianshan", walked, Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "限期届满仍未返校"));
      }
    },
    LEGAL_REFERRAL("legalReferral") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "bureau-zhenxiong", walked, Map.of("persuasionResult", "RETURNED", "persuasionNotes", "依法送达后家长送回"));
      }
    },
    PLAN_PLACEMENT("planPlacement") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "teacher-changan", walked, Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班，结对帮扶"));
      }
    },
    FOLLOW_UP_DUE("followUpDue") {
      @Override
      void take(CaseDoors node, Case walked) {
        fireTimer(node, walked, awaits);
      }
    },
    FOLLOW_UP("followUp") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "teacher-changan", walked, Map.of("followUpResult", "STABLE", "followUpNotes", "按时到校"));
        // 销号 needs 佐证材料 on the home visit and the follow-up (ClosureEvidence).
        ClosureEvidence.attachThroughApi(node.client(), "cadre-changan", walked.caseNumber);
      }
    },
    APPROVE_CLOSURE("approveClosure") {
      @Override
      void take(CaseDoors node, Case walked) {
        complete(node, "official-jianshan", walked, Map.of("closureDecision", "APPROVE", "closureComment", "同意销号"));
      }
    };

    /** The open task, or the timer, the case waits at before this step. */
    public final String awaits;

    Step(String awaits) {
      this.awaits = awaits;
    }

    abstract void take(CaseDoors node, Case walked);

    public boolean isTimer() {
      return this == ORDER_DEADLINE_PASSES || this == FOLLOW_UP_DUE;
    }

    static void complete(CaseDoors node, String user, Case walked, Map<String, Object> variables) {
      EngineRest worker = node.as(user, EngineRest.DEMO_PASSWORD);
      String task = walked.openTask(node);
      ResponseEntity<Map<String, Object>> done = worker.complete(task, variables);
      assertThat(done.getStatusCode()).as(user + " completes " + walked).isEqualTo(HttpStatus.NO_CONTENT);
    }

    public static void fireTimer(CaseDoors node, Case walked, String activityId) {
      EngineRest admin = node.as("admin", EngineRest.DEMO_PASSWORD);
      List<Map<String, Object>> timers = ok(admin.getList("/engine-rest/job?processInstanceId=" + walked.processInstanceId
          + "&activityId=" + activityId + "&timers=true"));
      assertThat(timers).as("timer " + activityId + " of " + walked).hasSize(1);
      assertThat(admin.post("/engine-rest/job/" + timers.get(0).get("id") + "/execute", Map.of()).getStatusCode())
          .as("timer " + activityId + " of " + walked).isEqualTo(HttpStatus.NO_CONTENT);
    }
  }

  /** One case as walked: how far, and whether it went another way. */
  public static final class Case {
    public final String caseNumber;
    public final String processInstanceId;
    public final String kind;
    int stepsTaken;

    Case(String caseNumber, String processInstanceId, String kind) {
      this.caseNumber = caseNumber;
      this.processInstanceId = processInstanceId;
      this.kind = kind;
    }

    public static Case report(CaseDoors node, String kind) {
      ResponseEntity<Map<String, Object>> started =
          node.as("teacher-changan", EngineRest.DEMO_PASSWORD).startCase(TestStudents.changanGirl());
      assertThat(started.getStatusCode()).as("report of " + kind).isEqualTo(HttpStatus.OK);
      return new Case((String) started.getBody().get("businessKey"), (String) started.getBody().get("id"), kind);
    }

    /** The one open task of the case's own process (not its 督办). */
    public String openTask(CaseDoors node) {
      List<Map<String, Object>> tasks = node.as("admin", EngineRest.DEMO_PASSWORD).tasks(processInstanceId);
      assertThat(tasks).as("open task of " + this).hasSize(1);
      return (String) tasks.get(0).get("id");
    }

    /** The step the case waits for; null once closed. */
    public Step next() {
      return stepsTaken < Step.values().length ? Step.values()[stepsTaken] : null;
    }

    public void take(CaseDoors node) {
      next().take(node, this);
      stepsTaken++;
    }

    @Override
    public String toString() {
      return caseNumber + " (" + kind + ", " + stepsTaken + " steps taken)";
    }
  }
}
