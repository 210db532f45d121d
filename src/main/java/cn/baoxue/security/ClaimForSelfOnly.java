package cn.baoxue.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * A claim takes a task for oneself. Camunda lets anyone who may work a task "claim" it for any
 * user id, which would let a teacher hand a case of her school to a teacher of another school —
 * who then keeps the right to read it. Handing a task to someone else is assigning, and needs the
 * permission to assign (TASK_ASSIGN), as {@code POST /task/{id}/assignee} does.
 */
@Component
public class ClaimForSelfOnly implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    CommandContext commandContext = Context.getCommandContext();
    if (invocation == null || commandContext == null || !(invocation.getCommand() instanceof ClaimTaskCmd)) {
      return;
    }
    // Listeners run with the engine's checks off, so the claimer's own rights are asked by name.
    Authentication claimer = commandContext.getAuthentication();
    String assignee = task.getAssignee();
    if (claimer == null || assignee == null || assignee.equals(claimer.getUserId())) {
      return;
    }
    AuthorizationManager authorizations = commandContext.getAuthorizationManager();
    boolean mayAssign =
        authorizations.isAuthorized(claimer.getUserId(), claimer.getGroupIds(), TaskPermissions.TASK_ASSIGN, Resources.TASK, task.getId())
            || authorizations.isAuthorized(claimer.getUserId(), claimer.getGroupIds(), Permissions.UPDATE, Resources.TASK, task.getId());
    if (!mayAssign) {
      throw new AuthorizationException("只能为自己认领任务；把任务交给他人需要指派权限");
    }
  }
}
