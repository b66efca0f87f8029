package health.patchwork.esr.support.leader;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Gauge {@code esr.leader}: 1 on the instance that runs the scheduled work, 0 on the others. */
public class LeadershipMetrics implements MeterBinder {

    private final Leadership leadership;

    public LeadershipMetrics(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("esr.leader", leadership, l -> l.isLeader() ? 1 : 0)
                .description("1 while this instance leads and runs the scheduled work, else 0")
                .tag("role", leadership.getRole())
                .register(registry);
    }
}
