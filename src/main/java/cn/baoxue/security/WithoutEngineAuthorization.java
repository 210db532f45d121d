package cn.baoxue.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call with the engine's authorization checks off, for the few places where
 * Baoxue has already checked the user's authority itself (the case's jurisdiction) and the
 * engine's per-task grants do not express it: routing checks on identity, and a superior acting
 * on an overdue task of her subordinates.
 */
@Component
public class WithoutEngineAuthorization {

  private final ProcessEngineConfigurationImpl engineConfiguration;

  public WithoutEngineAuthorization(ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
  }

  public <T> T call(Supplier<T> engineCall) {
    return engineConfiguration
        .getCommandExecutorTxRequired()
        .execute(
            (CommandContext context) -> {
              boolean wasEnabled = context.isAuthorizationCheckEnabled();
              context.disableAuthorizationCheck();
              try {
                return engineCall.get();
              } finally {
                if (wasEnabled) {
                  context.enableAuthorizationCheck();
                }
              }
            });
  }

  public void run(Runnable engineCall) {
    call(
        () -> {
          engineCall.run();
          return null;
        });
  }
}
