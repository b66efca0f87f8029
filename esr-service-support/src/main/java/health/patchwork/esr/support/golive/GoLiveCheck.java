package health.patchwork.esr.support.golive;

/**
 * A contributor to the {@code golive} actuator endpoint. Each service adds its own as beans (for example the
 * settings ESR must know about); the shared ones check the mailbox, the database and the Trust. Beans are run in
 * {@link org.springframework.core.annotation.Order order}.
 */
public interface GoLiveCheck {

    /** The line's name, also used when {@link #run()} throws. */
    String name();

    /** Whether this service needs the check at all (e.g. a folder it never writes); those that do not are left out. */
    default boolean applies() {
        return true;
    }

    /** Runs the check. Should not throw; if it does, the endpoint reports FAIL with the exception's classes only. */
    ReadinessCheck run();
}
