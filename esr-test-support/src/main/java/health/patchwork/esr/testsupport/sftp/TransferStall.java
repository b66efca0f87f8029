package health.patchwork.esr.testsupport.sftp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * Makes the embedded server's SFTP subsystem stop answering reads and writes (frozen) or answer each block late
 * (slow), while its SSH connection stays open and keeps answering keep-alives: the half-dead mailbox a client must
 * give up on by itself.
 */
final class TransferStall implements SftpEventListener {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private boolean frozen;
    private Duration perBlock = Duration.ZERO;

    void freeze() {
        lock.lock();
        try {
            frozen = true;
        } finally {
            lock.unlock();
        }
    }

    void slow(Duration delay) {
        lock.lock();
        try {
            perBlock = delay;
        } finally {
            lock.unlock();
        }
    }

    void resume() {
        lock.lock();
        try {
            frozen = false;
            perBlock = Duration.ZERO;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void reading(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                        int dataOffset, int dataLen) {
        hold();
    }

    @Override
    public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                        int dataOffset, int dataLen) {
        hold();
    }

    private void hold() {
        lock.lock();
        try {
            while (frozen) {
                // bounded, so a test that forgets to resume cannot keep a server thread forever
                if (!resumed.await(5, TimeUnit.MINUTES)) {
                    return;
                }
            }
            if (!perBlock.isZero()) {
                resumed.await(perBlock.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
