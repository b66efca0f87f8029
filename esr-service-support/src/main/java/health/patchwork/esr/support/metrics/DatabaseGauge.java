package health.patchwork.esr.support.metrics;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessException;

/**
 * A gauge read from the database on every scrape. While the database is unreachable it answers NaN (Prometheus
 * shows a gap) instead of an exception per scrape in the log; the database's own health says why.
 */
public final class DatabaseGauge {

    private DatabaseGauge() {
    }

    public static void register(MeterRegistry meters, String name, String description, Supplier<Number> query) {
        Gauge.builder(name, () -> {
            try {
                Number value = query.get();
                return value == null ? Double.NaN : value.doubleValue();
            } catch (DataAccessException e) {
                return Double.NaN;
            }
        }).description(description).register(meters);
    }
}
