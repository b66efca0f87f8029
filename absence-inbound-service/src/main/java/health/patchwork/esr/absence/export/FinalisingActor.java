package health.patchwork.esr.absence.export;

import health.patchwork.esr.absence.config.AbsenceSettings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who is finalising a period: the claim {@code esr.absence.actor-claim} of the caller's verified token. Callers used
 * to say who they were in the request ({@code ?by=}), which anyone could set to anything.
 */
@Component
class FinalisingActor {

    private final String claim;

    FinalisingActor(AbsenceSettings settings) {
        this.claim = settings.actorClaim();
    }

    String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object value = authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                ? jwt.getClaims().get(claim) : null;
        if (value == null || value.toString().isBlank()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "The token has no " + claim + " claim to record as who finalised the period.");
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        return value.toString();
    }
}
