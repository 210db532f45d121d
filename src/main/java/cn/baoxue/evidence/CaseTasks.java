package cn.baoxue.evidence;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * The tasks of a case's process, open or completed, as the engine's history has them: the steps
 * evidence may be attached to. The user's right to the case is checked before (EvidenceService);
 * the engine's per-task grants would hide the completed tasks of others.
 */
@Component
class CaseTasks {

  /** A task of the case: its id, definition key and Chinese name. */
  record Task(String id, String key, String name, boolean open) {}

  private final HistoryService history;
  private final RepositoryService repository;
  private final WithoutEngineAuthorization withoutEngineAuthorization;

  CaseTasks(HistoryService history, RepositoryService repository, WithoutEngineAuthorization withoutEngineAuthorization) {
    this.history = history;
    this.repository = repository;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
  }

  Optional<Task> find(DropoutCase dropoutCase, String taskId) {
    if (dropoutCase.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    HistoricTaskInstance task = withoutEngineAuthorization.call(() -> history.createHistoricTaskInstanceQuery()
        .processInstanceId(dropoutCase.getProcessInstanceId()).taskId(taskId).singleResult());
    return Optional.ofNullable(task).map(CaseTasks::of);
  }

  /** In the order they were created. */
  List<Task> of(DropoutCase dropoutCase) {
    if (dropoutCase.getProcessInstanceId() == null) {
      return List.of();
    }
    return withoutEngineAuthorization.call(() -> history.createHistoricTaskInstanceQuery()
            .processInstanceId(dropoutCase.getProcessInstanceId()).list())
        .stream()
        .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime).thenComparing(HistoricTaskInstance::getId))
        .map(CaseTasks::of)
        .toList();
  }

  /** The Chinese name of a task definition key in the case's process model. */
  String nameOf(DropoutCase dropoutCase, String taskKey) {
    if (dropoutCase.getProcessInstanceId() != null) {
      String definitionId = withoutEngineAuthorization.call(() -> Optional.ofNullable(history.createHistoricProcessInstanceQuery()
          .processInstanceId(dropoutCase.getProcessInstanceId()).singleResult()).map(p -> p.getProcessDefinitionId()).orElse(null));
      if (definitionId != null) {
        BpmnModelInstance model = withoutEngineAuthorization.call(() -> repository.getBpmnModelInstance(definitionId));
        if (model.getModelElementById(taskKey) instanceof FlowElement element && element.getName() != null) {
          return element.getName();
        }
      }
    }
    return taskKey;
  }

  private static Task of(HistoricTaskInstance task) {
    return new Task(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getEndTime() == null);
  }
}
