package health.patchwork.esr.support.security;

import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Turns the roles claim of a token into {@code ROLE_<name>} authorities. */
final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String claim;

    RolesClaimConverter(String claim) {
        this.claim = claim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaim(claim)), jwt.getSubject());
    }

    private static Collection<GrantedAuthority> authorities(Object value) {
        List<String> roles;
        if (value instanceof Collection<?> list) {
            roles = list.stream().map(String::valueOf).toList();
        } else if (value instanceof String text) {
            roles = List.of(text.trim().split("\\s+"));
        } else {
            roles = List.of();
        }
        return roles.stream().filter(r -> !r.isBlank())
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
