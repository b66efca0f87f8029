package health.patchwork.esr.console.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * Gives a person signed in through the identity provider a {@code ROLE_<name>} authority for each role of the
 * configured claim, read from the ID token and the user info as the services' RolesClaimConverter reads it from a
 * bearer token (a JSON list, or a space-separated string); other values grant nothing.
 */
final class RolesClaimMapper implements GrantedAuthoritiesMapper {

    private final String claim;

    RolesClaimMapper(String claim) {
        this.claim = claim;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                roles(oidc.getIdToken().getClaims()).forEach(mapped::add);
                if (oidc.getUserInfo() != null) {
                    roles(oidc.getUserInfo().getClaims()).forEach(mapped::add);
                }
            } else if (authority instanceof OAuth2UserAuthority user) {
                roles(user.getAttributes()).forEach(mapped::add);
            }
        }
        return mapped;
    }

    List<GrantedAuthority> roles(Map<String, Object> claims) {
        Object value = claims.get(claim);
        List<String> roles;
        if (value instanceof Collection<?> list) {
            roles = list.stream().map(String::valueOf).toList();
        } else if (value instanceof String text) {
            roles = List.of(text.trim().split("\\s+"));
        } else {
            roles = List.of();
        }
        return roles.stream().filter(role -> !role.isBlank())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
