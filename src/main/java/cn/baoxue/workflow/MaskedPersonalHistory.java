package cn.baoxue.workflow;

import java.text.SimpleDateFormat;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The engine's history never holds a personal start variable in full ({@link PersonalVariables}).
 * A case start sets them before the intake can mask them, and the engine writes a history row for
 * every value a variable takes ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}) and, for a form
 * submitted through Tasklist, one for every form field ({@code ACT_HI_DETAIL}, type FormProperty):
 * all of them are written masked here, whatever the value's type, so that no history query —
 * Cockpit's, the auditor's, Baoxue's own timeline — can return the full value.
 */
@Component
public class MaskedPersonalHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventProducer(new Producer());
  }

  static final class Producer extends CacheAwareHistoryEventProducer {

    @Override
    protected void initHistoricVariableUpdateEvt(
        HistoricVariableUpdateEventEntity event, VariableInstanceEntity variable, HistoryEventType eventType) {
      super.initHistoricVariableUpdateEvt(event, variable, eventType);
      if (PersonalVariables.isPersonal(variable.getName())) {
        String masked = PersonalVariables.masked(variable.getName(), text(variable.getTypedValue(false)));
        // Stored as a masked string whatever was sent: no bytes, number or date left to read it back from.
        event.setSerializerName(masked == null ? ValueType.NULL.getName() : ValueType.STRING.getName());
        event.setTextValue(masked);
        event.setTextValue2(null);
        event.setLongValue(null);
        event.setDoubleValue(null);
        event.setByteValue(null);
        event.setByteArrayId(null);
      }
    }

    @Override
    public HistoryEvent createFormPropertyUpdateEvt(
        ExecutionEntity execution, String propertyId, String propertyValue, String taskId) {
      String value = PersonalVariables.isPersonal(propertyId) ? PersonalVariables.masked(propertyId, propertyValue) : propertyValue;
      return super.createFormPropertyUpdateEvt(execution, propertyId, value, taskId);
    }

    private static String text(TypedValue value) {
      if (value == null) {
        return null;
      }
      if (value instanceof SerializableValue serializable) {
        return serializable.getValueSerialized();
      }
      Object plain = value.getValue();
      if (plain instanceof Date date) {
        return new SimpleDateFormat("yyyy-MM-dd").format(date);
      }
      return plain == null ? null : String.valueOf(plain);
    }
  }
}
