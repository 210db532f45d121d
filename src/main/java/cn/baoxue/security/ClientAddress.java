package cn.baoxue.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The client address that the form login and HTTP Basic record with an authentication. */
public final class ClientAddress {

  private ClientAddress() {}

  /** The address, or "unknown" for an authentication made outside a web request. */
  public static String of(Authentication authentication) {
    return authentication != null
            && authentication.getDetails() instanceof WebAuthenticationDetails web
            && web.getRemoteAddress() != null
        ? web.getRemoteAddress()
        : "unknown";
  }
}
