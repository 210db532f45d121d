package cn.baoxue.security;

import cn.baoxue.kernel.identity.Staff;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks logins against Camunda's identity service, so the accounts managed in Camunda Admin
 * are the only accounts: for Baoxue's pages, /api, /engine-rest and the webapps alike. Two
 * throttles apply: the engine's checkPassword locks an account for a growing delay after each
 * failure (login-delay-*, login-max-attempts), and {@link LoginThrottle} refuses an address
 * that keeps failing.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = ClientAddress.of(authentication);
    if (throttle.refuses(userId, address)) {
      throw new LockedException("登录失败次数过多，请稍后再试");
    }
    if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
      throttle.failed(userId, address);
      throw new BadCredentialsException("用户名或密码错误");
    }
    throttle.succeeded(userId, address);
    List<SimpleGrantedAuthority> authorities =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .map(groupId -> new SimpleGrantedAuthority(Staff.authorityOf(groupId)))
            .toList();
    UsernamePasswordAuthenticationToken authenticated =
        UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    authenticated.setDetails(authentication.getDetails());
    return authenticated;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
