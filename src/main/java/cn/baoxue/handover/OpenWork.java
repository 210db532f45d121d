package cn.baoxue.handover;

import java.time.LocalDateTime;
import cn.baoxue.care.CareHelpers.HeldPairing;
import java.util.List;

/**
 * What one person holds that nobody else would do if she left: tasks assigned to her, tasks offered
 * to her by name (入户家访, 跟踪回访 go to the case's two helpers), and her helper roles on open cases
 * (包保教师, 包保村干部, 妇联包保人), which decide whom the case's later tasks go to; and the children and
 * families in difficulty she is paired with (结对关爱).
 */
public record OpenWork(List<HeldTask> tasks, List<HeldRole> roles, List<HeldPairing> pairings) {

  /** How a task is held: assigned (办理人) or offered to her by name (候选人). */
  public enum Hold {
    ASSIGNED("办理人"),
    CANDIDATE("候选办理人");

    private final String label;

    Hold(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public record HeldTask(String taskId, String taskName, String caseNumber, Hold hold, LocalDateTime due) {}

  /** A helper role on an open case: the process variable that names her, and its label. */
  public record HeldRole(String caseNumber, String processInstanceId, String variable, String label) {}

  public boolean isEmpty() {
    return tasks.isEmpty() && roles.isEmpty() && pairings.isEmpty();
  }

  public long caseCount() {
    return java.util.stream.Stream.concat(tasks.stream().map(HeldTask::caseNumber), roles.stream().map(HeldRole::caseNumber))
        .distinct().count();
  }
}
