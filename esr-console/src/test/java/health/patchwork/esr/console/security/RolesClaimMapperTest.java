package health.patchwork.esr.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** The roles claim as the services read it: a list or a space-separated string; anything else grants nothing. */
class RolesClaimMapperTest {

    private final RolesClaimMapper mapper = new RolesClaimMapper("roles");

    @Test
    void aListOrASpaceSeparatedStringOfRoles() {
        assertThat(names(mapper.roles(Map.of("roles", List.of("esr:operator", "esr:metrics")))))
                .containsExactly("ROLE_esr:operator", "ROLE_esr:metrics");
        assertThat(names(mapper.roles(Map.of("roles", " esr:operator  other ")))).containsExactly("ROLE_esr:operator",
                "ROLE_other");
        assertThat(mapper.roles(Map.of("roles", 7))).isEmpty();
        assertThat(mapper.roles(Map.of("groups", List.of("esr:operator")))).isEmpty();
    }

    @Test
    void rolesFromTheIdTokenAndTheUserInfo() {
        OidcIdToken idToken = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "3f0c", "roles", List.of("esr:operator")));
        OidcUserInfo userInfo = new OidcUserInfo(Map.of("sub", "3f0c", "roles", "esr:metrics"));
        List<String> mapped = names(mapper.mapAuthorities(List.of(new OidcUserAuthority(idToken, userInfo))));
        assertThat(mapped).contains("ROLE_esr:operator", "ROLE_esr:metrics");
    }

    private static List<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
