package cn.baoxue.workflow;

import cn.baoxue.transfer.CountyTransfers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Creating {@code decideTransfer}: the form's pickers offer the receiving county's own villages and
 * schools, by name. The completion listener checks whatever is submitted against the transfer's record.
 */
@Component("transferChoicesListener")
public class TransferChoicesListener implements TaskListener {

  static final String VILLAGE_CHOICES = "receivingVillageChoices";
  static final String SCHOOL_CHOICES = "receivingSchoolChoices";
  static final Set<String> CHOICES = Set.of(VILLAGE_CHOICES, SCHOOL_CHOICES);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountyTransfers transfers;

  TransferChoicesListener(CountyTransfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public void notify(DelegateTask task) {
    // Set by Baoxue when it starts the process; the task's form cannot send it (TaskContracts).
    CountyTransfers.Choices choices = transfers.choices((String) task.getVariable("receivingCountyGroup"));
    task.setVariableLocal(VILLAGE_CHOICES, json(choices.villages()));
    task.setVariableLocal(SCHOOL_CHOICES, json(choices.schools()));
  }

  private static Object json(Object options) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
