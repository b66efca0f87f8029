package health.patchwork.esr.testsupport.postgres;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/** Chooses Testcontainers where a Docker engine answers, the embedded binaries everywhere else. */
public final class DockerAvailability {

    private static Boolean available;

    private DockerAvailability() {
    }

    public static synchronized boolean isAvailable() {
        if (available == null) {
            boolean forcedOff = "embedded".equalsIgnoreCase(System.getProperty("esr.test.postgres",
                    System.getenv().getOrDefault("ESR_TEST_POSTGRES", "")));
            available = !forcedOff && probe();
        }
        return available;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static final class Present implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isAvailable();
        }
    }

    public static final class Absent implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isAvailable();
        }
    }
}
