package cn.baoxue.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logs every login, failed login and logout with the user name and the client's address (logger
 * {@code cn.baoxue.security.SignInLog}); the audit trail records the same events. A REST call with
 * HTTP Basic authenticates on every request: its success is logged at DEBUG only.
 */
@Component
class SignInLog {

  private static final Logger log = LoggerFactory.getLogger(SignInLog.class);

  @EventListener
  void loggedIn(InteractiveAuthenticationSuccessEvent event) {
    log.info("Login of user '{}' from {}", event.getAuthentication().getName(),
        ClientAddress.of(event.getAuthentication()));
  }

  @EventListener
  void authenticated(AuthenticationSuccessEvent event) {
    log.debug("Authenticated user '{}' from {}", event.getAuthentication().getName(),
        ClientAddress.of(event.getAuthentication()));
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    log.warn("Failed login as '{}' from {}: {}", event.getAuthentication().getName(),
        ClientAddress.of(event.getAuthentication()),
        event.getException().getClass().getSimpleName());
  }

  @EventListener
  void loggedOut(LogoutSuccessEvent event) {
    log.info("Logout of user '{}' from {}", event.getAuthentication().getName(),
        ClientAddress.of(event.getAuthentication()));
  }
}
