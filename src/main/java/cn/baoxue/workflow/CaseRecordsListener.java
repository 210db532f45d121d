package cn.baoxue.workflow;

import cn.baoxue.cases.CaseRecordLines;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Creating a task whose form shows the case's 办理记录 (the persuasion steps, 跟踪回访, 审批销号):
 * gives it the home visits, persuasion attempts and follow-ups recorded so far, each with who did
 * it by name, when and what came of it, as the task-local JSON list {@code caseRecords} that the
 * form's table reads. Read-only and derived from Baoxue's tables, so it stays out of the history
 * (LeanFullHistory) and is never accepted from a client (no form field submits it).
 */
@Component("caseRecordsListener")
public class CaseRecordsListener implements TaskListener {

  static final String CASE_RECORDS = "caseRecords";
  static final Set<String> RECORDS = Set.of(CASE_RECORDS);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CaseRecordLines lines;

  public CaseRecordsListener(CaseRecordLines lines) {
    this.lines = lines;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, String>> rows = lines.of(task.getProcessInstanceId()).stream()
        .map(line -> Map.of(
            "step", line.step(),
            "doneBy", line.doneBy(),
            "day", line.day(),
            "result", nullToEmpty(line.result()),
            "notes", nullToEmpty(line.notes())))
        .toList();
    try {
      task.setVariableLocal(CASE_RECORDS, SpinValues.jsonValue(JSON.writeValueAsString(rows)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
