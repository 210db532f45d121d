package cn.baoxue.kernel.identity;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one way a controller gets the logged-in member of staff: a handler parameter of type {@link
 * Staff} receives her (id and groups, hence her jurisdiction), so no controller reads Spring
 * Security's authentication and turns it into groups itself. A request without a login never
 * reaches a controller that takes a Staff (the security chains answer 401 or the login page).
 */
public class CurrentStaff implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Staff.class.equals(parameter.getParameterType());
  }

  @Override
  public Staff resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
      throw new IllegalStateException("No logged-in member of staff for " + parameter.getExecutable());
    }
    return Staff.of(user);
  }
}
