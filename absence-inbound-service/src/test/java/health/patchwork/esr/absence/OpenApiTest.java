package health.patchwork.esr.absence;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.absence.support.AbsenceServiceTest;

import org.junit.jupiter.api.Test;

class OpenApiTest extends AbsenceServiceTest {

    @Test
    void theApiIsDescribedAsOpenApi() {
        Response docs = get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.<String>json("$.openapi")).startsWith("3.");
        assertThat(docs.body()).contains("/api/v1/absences", "/api/v1/absences/{absenceId}/end",
                "/api/v1/periods/{periodId}/finalise", "/api/v1/reconciliation/attention");
        assertThat(docs.<String>json("$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(docs.<java.util.Map<String, Object>>json("$.security[0]")).containsOnlyKeys("bearer");
        assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theServiceCarriesItsSbom() {
        Response sbom = get("/actuator/sbom/application");

        assertThat(sbom.status()).isEqualTo(200);
        assertThat(sbom.<String>json("$.bomFormat")).isEqualTo("CycloneDX");
        assertThat(sbom.<java.util.List<String>>json("$.components[*].name")).contains("spring-boot", "flyway-core");
    }
}
