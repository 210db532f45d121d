package cn.baoxue.cases;

import cn.baoxue.kernel.identity.Jurisdiction;
import java.util.List;

/**
 * A step to record on a case: the process instance whose case it is, and who records it. The case
 * is found through the process instance ({@link CaseOfProcess}), never through a case id a client
 * could send with a completion; the recorder must answer for the case's school, village, township
 * or county. A step without a recorder is the system's own (a timer, a job) and needs no
 * jurisdiction.
 *
 * @param actor the logged-in user, or null when the system acts
 * @param jurisdiction where the user answers, read from her groups
 */
public record CaseStep(String processInstanceId, String actor, Jurisdiction jurisdiction) {

  /** A step the system takes on its own, e.g. when a timer fires. */
  public static CaseStep bySystem(String processInstanceId) {
    return new CaseStep(processInstanceId, null, Jurisdiction.ofGroups(List.of()));
  }

  public boolean isSystem() {
    return actor == null;
  }
}
