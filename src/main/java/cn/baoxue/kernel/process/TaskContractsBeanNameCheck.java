package cn.baoxue.kernel.process;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The models' expressions ({@code ${escalationListener}}, {@code ${deadlines.dueDate(…)}}) look a
 * name up among the process variables first and among Spring's beans second: a variable named like
 * a bean shadows it in every later expression of its process. So no variable a task or a start
 * accepts may bear a bean's name — checked once all beans exist, and the application does not
 * start otherwise. (What the listeners write is checked by {@code ProcessVariableNamesTests}.)
 */
@Component
class TaskContractsBeanNameCheck implements SmartInitializingSingleton {

  private final ApplicationContext spring;

  TaskContractsBeanNameCheck(ApplicationContext spring) {
    this.spring = spring;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> clashes = TaskContracts.get().variableNames().stream().filter(spring::containsBean).toList();
    if (!clashes.isEmpty()) {
      throw new IllegalStateException("Form fields named like Spring beans would shadow them in the models' expressions: "
          + clashes + " (rename the field in forms/ or the bean)");
    }
  }
}
