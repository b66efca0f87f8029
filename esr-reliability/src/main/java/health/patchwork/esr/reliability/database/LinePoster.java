package health.patchwork.esr.reliability.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.reliability.service.AttendanceWorkload;
import health.patchwork.esr.reliability.service.ServiceHttp;

/**
 * Plays the platform posting batches of timesheet lines without pause while the database goes away and comes back,
 * and sorts the answers: a 200 promises the lines are stored, a 503 problem detail asks to post them again later,
 * anything else (a 500, no answer) breaks the contract.
 */
final class LinePoster implements AutoCloseable {

    private final AttendanceWorkload workload;
    private final String prefix;
    private final int batchSize;
    private final List<List<Map<String, Object>>> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<List<Map<String, Object>>> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;
    private int batches;

    LinePoster(AttendanceWorkload workload, String prefix, int batchSize) {
        this.workload = workload;
        this.prefix = prefix;
        this.batchSize = batchSize;
        this.thread = new Thread(this::post, "line-poster-" + prefix);
        thread.setDaemon(true);
        thread.start();
    }

    private void post() {
        while (running) {
            List<Map<String, Object>> batch = workload.lines(prefix + "-b" + batches++, batchSize);
            ServiceHttp.Reply reply = workload.post(batch);
            if (reply.status() == 200) {
                accepted.add(batch);
            } else if (reply.status() == 503 && reply.isProblem()) {
                refused.add(batch);
            } else {
                unexpected.add(reply.status() + (reply.isProblem() ? " " + reply.body().path("title").asString("")
                        : ""));
            }
        }
    }

    /** Stops posting, then posts every refused batch again (as the platform retries) until it is stored. */
    void finish(int maxRounds) throws InterruptedException {
        running = false;
        thread.join(120_000);
        List<List<Map<String, Object>>> pending = new ArrayList<>(refused);
        for (int round = 0; round < maxRounds && !pending.isEmpty(); round++) {
            List<List<Map<String, Object>>> still = new ArrayList<>();
            for (List<Map<String, Object>> batch : pending) {
                ServiceHttp.Reply reply = workload.post(batch);
                if (reply.status() == 200) {
                    accepted.add(batch);
                } else {
                    still.add(batch);
                }
            }
            pending = still;
            if (!pending.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        if (!pending.isEmpty()) {
            unexpected.add(pending.size() + " refused batches never accepted on retry");
        }
    }

    /** Line ids the service answered 200 for. */
    List<String> acceptedLineIds() {
        List<String> ids = new ArrayList<>();
        synchronized (accepted) {
            accepted.forEach(batch -> batch.forEach(line -> ids.add((String) line.get("lineId"))));
        }
        return ids;
    }

    int refusedBatches() {
        return refused.size();
    }

    int postedBatches() {
        return batches;
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    @Override
    public void close() {
        running = false;
    }
}
