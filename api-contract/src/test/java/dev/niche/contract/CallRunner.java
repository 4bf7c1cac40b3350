package dev.niche.contract;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one reflective call at a time on a daemon worker thread under a per-call timeout. A call
 * that does not return in time is reported as such and its thread is stopped (it would otherwise
 * keep a core busy for the rest of the run); the next call gets a new worker.
 *
 * <p>Time is the worker's CPU time where the JVM measures it, so that a busy machine does not
 * turn slow calls into timeouts; a call also times out after twenty times the limit in wall-clock
 * time (e.g. when it blocks). The global budget counts the CPU time of all calls.
 */
final class CallRunner {

  /** How a call ended. */
  record Outcome(Object result, Throwable thrown, boolean timedOut, long nanos) {
    boolean returned() {
      return !timedOut && thrown == null;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported()
      && THREADS.isThreadCpuTimeSupported();

  private final long timeoutMillis;
  private final long budgetNanos;
  private final long start = System.nanoTime();
  private final AtomicLong calls = new AtomicLong();
  private long spentNanos;
  private Worker worker;

  CallRunner(long timeoutMillis, long budgetMillis) {
    this.timeoutMillis = timeoutMillis;
    this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
  }

  /** True once the global time budget is spent. */
  boolean overBudget() {
    return spentNanos > budgetNanos;
  }

  /** The time the calls have taken (CPU time where measured). */
  long spentMillis() {
    return TimeUnit.NANOSECONDS.toMillis(spentNanos);
  }

  long calls() {
    return calls.get();
  }

  long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  Outcome call(Executable member, Object receiver, Object[] args) {
    return call(member, receiver, args, timeoutMillis);
  }

  /**
   * Runs a call under a timeout. A call that times out is run once more on a fresh worker, and
   * only a second timeout counts: on a loaded machine the first run of heavy code (a model fit)
   * can spend seconds of its own CPU time in the interpreter while the JIT compiler threads wait
   * for a core, which is not the runaway work this check is for. A call that really does not
   * return times out twice.
   */
  Outcome call(Executable member, Object receiver, Object[] args, long timeout) {
    Outcome first = attempt(member, receiver, args, timeout);
    return first.timedOut() ? attempt(member, receiver, args, timeout) : first;
  }

  private Outcome attempt(Executable member, Object receiver, Object[] args, long timeout) {
    calls.incrementAndGet();
    if (worker == null) {
      worker = new Worker();
      worker.start();
    }
    Worker w = worker;
    long t0 = System.nanoTime();
    long cpu0 = cpuTime(w);
    long limit = TimeUnit.MILLISECONDS.toNanos(timeout);
    Task task = new Task(member, receiver, args);
    try {
      w.tasks.put(task);
      while (true) {
        Outcome outcome = w.results.poll(20, TimeUnit.MILLISECONDS);
        long used = CPU_TIME ? cpuTime(w) - cpu0 : System.nanoTime() - t0;
        if (outcome != null) {
          spentNanos += used;
          return outcome;
        }
        if (used > limit || System.nanoTime() - t0 > 20 * limit) {
          spentNanos += used;
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    worker = null;
    w.kill();
    return new Outcome(null, null, true, System.nanoTime() - t0);
  }

  private static long cpuTime(Thread t) {
    if (!CPU_TIME) {
      return System.nanoTime();
    }
    long cpu = THREADS.getThreadCpuTime(t.getId());
    return cpu < 0 ? 0 : cpu;
  }

  void close() {
    if (worker != null) {
      worker.interrupt();
      worker = null;
    }
  }

  private record Task(Executable member, Object receiver, Object[] args) {}

  private static final class Worker extends Thread {
    final SynchronousQueue<Task> tasks = new SynchronousQueue<>();
    final SynchronousQueue<Outcome> results = new SynchronousQueue<>();

    Worker() {
      super("api-contract-call");
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        while (true) {
          Task task = tasks.take();
          long t0 = System.nanoTime();
          Outcome outcome;
          try {
            Object result = invoke(task);
            outcome = new Outcome(result, null, false, System.nanoTime() - t0);
          } catch (InvocationTargetException e) {
            outcome = new Outcome(null, e.getCause(), false, System.nanoTime() - t0);
          } catch (ReflectiveOperationException | RuntimeException e) {
            outcome = new Outcome(null, e, false, System.nanoTime() - t0);
          } catch (StackOverflowError | OutOfMemoryError e) {
            outcome = new Outcome(null, e, false, System.nanoTime() - t0);
          }
          results.put(outcome);
        }
      } catch (InterruptedException e) {
        // Closed.
      } catch (ThreadDeath e) {
        // Stopped after a timeout.
      }
    }

    private static Object invoke(Task task) throws ReflectiveOperationException {
      if (task.member() instanceof Method) {
        return ((Method) task.member()).invoke(task.receiver(), task.args());
      }
      return ((Constructor<?>) task.member()).newInstance(task.args());
    }

    @SuppressWarnings("deprecation") // the only way to end a runaway call; Java 17 supports it
    void kill() {
      try {
        stop();
      } catch (UnsupportedOperationException e) {
        interrupt(); // Java 20+: the runaway call keeps its (daemon) thread until it ends
      }
    }
  }
}
