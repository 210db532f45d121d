package cn.baoxue.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The client address that the form login and HTTP Basic record with an authentication: the remote
 * address as Tomcat resolved it, which is the proxy's {@code X-Forwarded-For} only for a request
 * from a proxy listed in {@code baoxue.security.trusted-proxies} ({@link TrustedProxies}). No
 * header is read here.
 */
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
