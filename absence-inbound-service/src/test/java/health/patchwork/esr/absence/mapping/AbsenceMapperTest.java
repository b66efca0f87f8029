package health.patchwork.esr.absence.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import health.patchwork.esr.absence.config.AbsenceMappingSettings;
import health.patchwork.esr.absence.config.CategoryMapping;

import org.junit.jupiter.api.Test;

class AbsenceMapperTest {

    final AbsenceMapper mapper = new AbsenceMapper(new AbsenceMappingSettings(
            new CategoryMapping("Sickness", "D", true, Map.of("BACK", "S11 Back Problems"), null),
            new CategoryMapping("Annual Leave Hours {n}", "H", false, null, null),
            new CategoryMapping("Study Leave", "H", false, null, "Course"),
            new CategoryMapping("Special Leave", "H", false, Map.of("JURY", "Jury Service"), null),
            null));

    @Test
    void theAssignmentIndexFillsThePlaceholder() {
        assertThat(mapper.map(AbsenceCategory.ANNUAL_LEAVE, null, "20000001").type().absenceType())
                .isEqualTo("Annual Leave Hours 1");
        assertThat(mapper.map(AbsenceCategory.ANNUAL_LEAVE, null, "20000001-3").type().absenceType())
                .isEqualTo("Annual Leave Hours 3");
    }

    @Test
    void sicknessReasonsComeFromTheMappingOrTheNationalList() {
        assertThat(mapper.map(AbsenceCategory.SICKNESS, "BACK", "1").type().absenceReason()).isEqualTo("S11 Back Problems");
        assertThat(mapper.map(AbsenceCategory.SICKNESS, "S13", "1").type().absenceReason())
                .isEqualTo("S13 Cold, Cough, Flu - Influenza");
        assertThat(mapper.map(AbsenceCategory.SICKNESS, "S99 Unknown causes / Not specified", "1").type()
                .absenceReason()).isEqualTo("S99 Unknown causes / Not specified");
        assertThat(mapper.map(AbsenceCategory.SICKNESS, "S1", "1").error()).isNotNull();
        assertThat(mapper.map(AbsenceCategory.SICKNESS, null, "1").error()).contains("required");
    }

    @Test
    void otherCategoriesTakeConfiguredReasonsOrTheDefault() {
        assertThat(mapper.map(AbsenceCategory.OTHER_LEAVE, "JURY", "1").type().absenceReason()).isEqualTo("Jury Service");
        assertThat(mapper.map(AbsenceCategory.OTHER_LEAVE, "HOLIDAY", "1").error()).isNotNull();
        assertThat(mapper.map(AbsenceCategory.STUDY_LEAVE, null, "1").type().absenceReason()).isEqualTo("Course");
        assertThat(mapper.map(AbsenceCategory.ANNUAL_LEAVE, null, "1").type().absenceReason()).isNull();
    }
}
