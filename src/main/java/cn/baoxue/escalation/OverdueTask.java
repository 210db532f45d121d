package cn.baoxue.escalation;

import cn.baoxue.kernel.identity.GroupIds;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A user task whose due date has passed, as the escalation needs it: the case's chain of
 * superiors comes from the case's routing groups.
 */
public record OverdueTask(
    Long caseId,
    String caseNumber,
    String processInstanceId,
    String taskId,
    String taskKey,
    String taskName,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    LocalDateTime dueAt,
    String townshipGroup,
    String countyGroup,
    /** The groups above the county (市教育局, 省教育厅), nearest first; empty where the county is the top. */
    List<String> aboveCounty) {

  /** Who had the task: its assignee, else its candidate groups and the people it was offered to by name. */
  String responsible() {
    if (assignee != null) {
      return assignee;
    }
    List<String> candidates = new java.util.ArrayList<>(candidateGroups);
    candidates.addAll(candidateUsers.stream().sorted().toList());
    return String.join(",", candidates);
  }

  /**
   * The superiors in order. A school's or village's task (or a helper's) goes to the township,
   * then the county, then the prefecture and the province where the deployment has them; a
   * township's goes to the county and up; a county's to the prefecture and up.
   */
  List<String> superiors() {
    List<String> chain = new java.util.ArrayList<>();
    if (!candidateGroups.contains(countyGroup)) {
      // A task offered to the helpers by name (入户家访, 跟踪回访) has no group of its own: it goes to the township first.
      boolean township = assignee == null && !candidateGroups.isEmpty()
          && candidateGroups.stream().allMatch(group -> group.equals(townshipGroup));
      // A department's referral (联控联保) goes straight to the county's bureau, which asked for it with the township.
      boolean department = !candidateGroups.isEmpty()
          && candidateGroups.stream().allMatch(group -> GroupIds.kindOf(group) == GroupIds.Kind.DEPARTMENT);
      if (!township && !department) {
        chain.add(townshipGroup);
      }
      chain.add(countyGroup);
    }
    chain.addAll(aboveCounty.stream().filter(group -> !candidateGroups.contains(group)).toList());
    return chain;
  }
}
