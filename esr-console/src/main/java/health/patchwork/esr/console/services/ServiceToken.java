package health.patchwork.esr.console.services;

/** The bearer token the console presents to the services, fetched for each read so that a renewed one is used. */
public interface ServiceToken {

    /** The token; {@link Unavailable} when the console has none to present. */
    String bearer();

    /** The console could not get a token; the reason names what to fix and never holds a secret. */
    final class Unavailable extends RuntimeException {

        public Unavailable(String reason) {
            super(reason);
        }
    }
}
