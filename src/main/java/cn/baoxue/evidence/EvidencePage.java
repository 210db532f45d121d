package cn.baoxue.evidence;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.org.Roles;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 佐证材料 part of the case page (templates/cases/show.html): the items as people read them —
 * the step by its Chinese name, the uploader by name, Beijing time — and the steps the upload form
 * offers. The case page has checked the reader's jurisdiction before it asks.
 */
@Component("evidencePage")
public class EvidencePage {

  static final String WHOLE_CASE_LABEL = "整个个案";

  private final EvidenceService evidence;
  private final CaseTasks tasks;
  private final Roles roles;
  private final EvidenceProperties properties;

  EvidencePage(EvidenceService evidence, CaseTasks tasks, Roles roles, EvidenceProperties properties) {
    this.evidence = evidence;
    this.tasks = tasks;
    this.roles = roles;
    this.properties = properties;
  }

  /** The largest item accepted, as the form says it. */
  public String limit() {
    return EvidenceService.megabytes(properties.maxSize().toBytes());
  }

  /** One line of the list. */
  public record Line(Long id, String step, String kind, String fileName, String uploaderId, String uploadedBy, LocalDateTime uploadedAt,
      LocalDateTime capturedAt, String place, String sha256) {}

  /** One choice of the form's step list: a task id (or {@code case}) and how people know it. */
  public record Choice(String value, String label) {}

  @Transactional(readOnly = true)
  public List<Line> lines(DropoutCase dropoutCase) {
    Map<String, CaseTasks.Task> byId = tasks.of(dropoutCase).stream().collect(Collectors.toMap(CaseTasks.Task::id, Function.identity()));
    return evidence.of(dropoutCase).stream().map(item -> new Line(item.getId(), stepName(dropoutCase, item, byId),
            item.getKind().label(), item.getFileName(), item.getUploadedBy(), roles.person(item.getUploadedBy()), item.getUploadedAt(),
            item.getCapturedAt(), place(item), item.getSha256()))
        .toList();
  }

  /** The case's tasks, open ones first (where a visit's photos usually go), then the case as a whole. */
  @Transactional(readOnly = true)
  public List<Choice> choices(DropoutCase dropoutCase) {
    List<CaseTasks.Task> all = tasks.of(dropoutCase);
    List<Choice> choices = new ArrayList<>();
    all.stream().filter(CaseTasks.Task::open).forEach(t -> choices.add(new Choice(t.id(), t.name() + "（办理中）")));
    List<CaseTasks.Task> done = new ArrayList<>(all.stream().filter(t -> !t.open()).toList());
    Collections.reverse(done);
    done.forEach(t -> choices.add(new Choice(t.id(), t.name() + "（已办结）")));
    choices.add(new Choice(EvidenceItem.WHOLE_CASE, WHOLE_CASE_LABEL));
    return choices;
  }

  @Transactional(readOnly = true)
  public boolean mayAdd(DropoutCase dropoutCase, Authentication user) {
    return dropoutCase.isOpen() && user != null && evidence.mayAdd(dropoutCase, Staff.of(user));
  }

  private String stepName(DropoutCase dropoutCase, EvidenceItem item, Map<String, CaseTasks.Task> byId) {
    if (EvidenceItem.WHOLE_CASE.equals(item.getStep())) {
      return WHOLE_CASE_LABEL;
    }
    if (item.getStep().startsWith(EvidenceItem.REFERRAL_STEP)) {
      return "联控联保转介（部门办理）";
    }
    CaseTasks.Task task = byId.get(item.getStep());
    return task != null && task.name() != null ? task.name() : tasks.nameOf(dropoutCase, item.getTaskKey());
  }

  private static String place(EvidenceItem item) {
    if (item.getLatitude() == null || item.getLongitude() == null) {
      return null;
    }
    return String.format("%s%.5f°，%s%.5f°", item.getLatitude() >= 0 ? "北纬" : "南纬", Math.abs(item.getLatitude()),
        item.getLongitude() >= 0 ? "东经" : "西经", Math.abs(item.getLongitude()));
  }
}
