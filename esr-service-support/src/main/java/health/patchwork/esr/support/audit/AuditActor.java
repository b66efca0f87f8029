package health.patchwork.esr.support.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling: the bearer token's subject and, if the token has one, its display claim. */
public record AuditActor(String subject, String displayName) {

    /** Operations run only behind the token check; this names the gap should one ever be reached without it. */
    static final AuditActor UNAUTHENTICATED = new AuditActor("(unauthenticated)", null);

    static AuditActor current(String displayClaim) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return UNAUTHENTICATED;
        }
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            Object display = jwt.getClaims().get(displayClaim);
            return new AuditActor(jwt.getSubject(), display == null ? null : display.toString());
        }
        return new AuditActor(authentication.getName(), null);
    }
}
