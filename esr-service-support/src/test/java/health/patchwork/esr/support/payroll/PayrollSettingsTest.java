package health.patchwork.esr.support.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.formats.calendar.PeriodType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Per-payroll settings bind from {@code esr.payrolls.<name>.*} and a bad one stops the service at start-up. */
class PayrollSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PayrollSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void aWeeklyBankAndAMonthlyPayrollBindWithTheirOwnRules() {
        context.withPropertyValues(
                        "esr.payrolls.bank.esr-name=123 Weekly Bank",
                        "esr.payrolls.bank.period-type=W",
                        "esr.payrolls.bank.cut-off.days-after-period-end=1",
                        "esr.payrolls.bank.cut-off.time=09:00",
                        "esr.payrolls.bank.timetable[0].from=2026-12-21",
                        "esr.payrolls.bank.timetable[0].to=2026-12-27",
                        "esr.payrolls.bank.timetable[0].tax-year=27",
                        "esr.payrolls.bank.timetable[0].period=38",
                        "esr.payrolls.bank.timetable[0].cut-off=2026-12-29T09:00",
                        "esr.payrolls[123 Monthly].period-type=M",
                        "esr.payrolls[123 Monthly].closed-periods=2707")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    Payrolls payrolls = Payrolls.of(ctx.getBean(PayrollSettings.class), null);
                    assertThat(payrolls.forAssignment("123 Weekly Bank")).get()
                            .extracting(PayrollCalendar::periodType).isEqualTo(PeriodType.WEEKLY);
                    assertThat(payrolls.forAssignment("123 Monthly")).get()
                            .extracting(PayrollCalendar::periodType).isEqualTo(PeriodType.MONTHLY);
                    assertThat(ctx.getBean(PayrollSettings.class).payrolls().get("123 Monthly").cutOff()
                            .daysAfterPeriodEnd()).as("default rule").isEqualTo(3);
                });
    }

    @Test
    void noPayrollsIsValid() {
        context.run(ctx -> assertThat(ctx.getBean(PayrollSettings.class).payrolls()).isEmpty());
    }

    @Test
    void aBadPeriodTypeFails() {
        assertFails("must be W, F, L or M", "esr.payrolls.bank.period-type=D");
    }

    @Test
    void aMissingPeriodTypeFails() {
        assertFails("periodType", "esr.payrolls.bank.cut-off.days-after-period-end=1");
    }

    @Test
    void aClosedPeriodBeyondTheTaxYearFails() {
        assertFails("beyond the number of periods", "esr.payrolls.monthly.period-type=M",
                "esr.payrolls.monthly.closed-periods=2713");
    }

    @Test
    void overlappingTimetableEntriesFail() {
        assertFails("entries overlap", "esr.payrolls.bank.period-type=W",
                "esr.payrolls.bank.timetable[0].from=2026-12-21", "esr.payrolls.bank.timetable[0].to=2026-12-27",
                "esr.payrolls.bank.timetable[0].tax-year=27", "esr.payrolls.bank.timetable[0].period=38",
                "esr.payrolls.bank.timetable[0].cut-off=2026-12-29T09:00",
                "esr.payrolls.bank.timetable[1].from=2026-12-27", "esr.payrolls.bank.timetable[1].to=2027-01-03",
                "esr.payrolls.bank.timetable[1].tax-year=27", "esr.payrolls.bank.timetable[1].period=39",
                "esr.payrolls.bank.timetable[1].cut-off=2027-01-05T09:00");
    }

    @Test
    void twoPayrollsClaimingOneEsrPayrollFail() {
        assertFails("same ESR name", "esr.payrolls.bank.period-type=W", "esr.payrolls.bank.esr-name=123 Weekly",
                "esr.payrolls[123 weekly].period-type=W");
    }

    private void assertFails(String reason, String... properties) {
        context.withPropertyValues(properties).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining(reason);
        });
    }
}
