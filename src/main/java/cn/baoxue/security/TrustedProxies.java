package cn.baoxue.security;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Who may tell Baoxue the client's address and scheme: only the proxies listed in
 * {@code baoxue.security.trusted-proxies}, by exact address (none by default). Tomcat's
 * RemoteIpValve (added by {@code server.forward-headers-strategy: native}) would otherwise trust
 * every private and loopback address — and in a school's or a township's network the clients have
 * private addresses too, so anyone could pick the address that the login throttle counts and the
 * audit records with an {@code X-Forwarded-For} of her own. A request from anywhere else keeps the
 * address it came from, and its {@code X-Forwarded-*} headers are ignored. Everything that needs
 * the client's address ({@link ClientAddress}) reads only what Tomcat resolved.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  /** An IPv4 or IPv6 address as Tomcat writes a remote address; no names, no patterns. */
  private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]+");

  private final String internalProxies;

  TrustedProxies(@Value("${baoxue.security.trusted-proxies:}") List<String> addresses) {
    this.internalProxies = regexOf(addresses);
  }

  /** Tomcat's internal-proxies pattern matching exactly these addresses; "" matches nothing. */
  static String regexOf(List<String> addresses) {
    return addresses.stream()
        .map(String::trim)
        .filter(address -> !address.isEmpty())
        .peek(address -> {
          if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("baoxue.security.trusted-proxies: not an IP address: " + address);
          }
        })
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.getEngineValves().stream()
        .filter(RemoteIpValve.class::isInstance)
        .map(RemoteIpValve.class::cast)
        .forEach(valve -> {
          valve.setInternalProxies(internalProxies);
          valve.setTrustedProxies(null);
        });
  }

  /** After Spring Boot's own customizer, which adds the valve with its private-address default. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
