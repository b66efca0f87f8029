package health.patchwork.esr.console.security;

import java.security.Principal;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** How a page names the person signed in: their account name, never more of their profile. */
public final class SignedIn {

    private SignedIn() {
    }

    public static String displayName(Principal principal) {
        if (principal instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            String name = user.getPreferredUsername();
            return name != null && !name.isBlank() ? name : user.getSubject();
        }
        return principal == null ? "" : principal.getName();
    }
}
