package dev.niche.segmentation.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a task over FIXED row chunks of {@link #CHUNK_ROWS} rows. The chunking does not depend on
 * the thread count; callers write one partial result per chunk and combine them in chunk order,
 * which makes every result bit-identical whatever the number of threads. With one thread no
 * thread is started; otherwise a pool of {@code threads - 1} daemon workers lives until
 * {@link #close()}.
 *
 * <p><b>Scratch per worker.</b> {@link #forEach(int, ChunkTask)} also passes the index of the
 * worker running a chunk (0 for the caller, 1 to {@code threads - 1} for the others; one chunk
 * at a time per index), so a task can keep its scratch buffers in an array of
 * {@link #threads()} slots for the whole fit instead of allocating them per chunk and step: a
 * fit allocates its working memory once, and a fresh JVM touches fewer new heap pages.
 */
public final class ChunkPool implements AutoCloseable {

  /** Rows per chunk (fixed, independent of the thread count). */
  public static final int CHUNK_ROWS = 4096;

  private final int threads;
  private final ExecutorService executor;

  /**
   * A pool.
   *
   * @param threads number of threads including the caller's (at least 1)
   */
  public ChunkPool(int threads) {
    this.threads = threads;
    this.executor =
        threads > 1
            ? Executors.newFixedThreadPool(
                threads - 1,
                r -> {
                  Thread t = new Thread(r, "niche-kmeans");
                  t.setDaemon(true);
                  return t;
                })
            : null;
  }

  /** A task over one chunk, told which worker runs it. */
  @FunctionalInterface
  public interface ChunkTask {
    /**
     * Processes one chunk.
     *
     * @param chunk the chunk index
     * @param worker the worker's index in {@code [0, threads())}; no two chunks run at the same
     *     time with the same index
     */
    void run(int chunk, int worker);
  }

  /**
   * Number of workers, the caller included: the size of a per-worker scratch array.
   *
   * @return the thread count
   */
  public int threads() {
    return threads;
  }

  /**
   * Number of chunks for n rows.
   *
   * @param n rows
   * @return chunk count
   */
  public static int chunks(int n) {
    return (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
  }

  /**
   * First row of a chunk.
   *
   * @param chunk chunk index
   * @return first row
   */
  public static int start(int chunk) {
    return chunk * CHUNK_ROWS;
  }

  /**
   * One past the last row of a chunk.
   *
   * @param chunk chunk index
   * @param n rows
   * @return end row (exclusive)
   */
  public static int end(int chunk, int n) {
    return Math.min(n, (chunk + 1) * CHUNK_ROWS);
  }

  /**
   * Runs {@code task} once for every chunk index in {@code [0, chunks)}.
   *
   * @param chunks number of chunks
   * @param task the task, called with a chunk index
   */
  public void forEach(int chunks, IntConsumer task) {
    forEach(chunks, (c, worker) -> task.accept(c));
  }

  /**
   * Runs {@code task} once for every chunk index in {@code [0, chunks)}, with the index of the
   * worker that runs it.
   *
   * @param chunks number of chunks
   * @param task the task, called with a chunk index and a worker index
   */
  public void forEach(int chunks, ChunkTask task) {
    if (executor == null || chunks < 2) {
      for (int c = 0; c < chunks; c++) {
        task.run(c, 0);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    int helpers = Math.min(threads - 1, chunks - 1);
    Future<?>[] futures = new Future<?>[helpers];
    for (int t = 0; t < helpers; t++) {
      int worker = t + 1;
      futures[t] = executor.submit(() -> drain(next, chunks, task, worker));
    }
    drain(next, chunks, task, 0);
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for k-means workers", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  /** Takes chunks from the shared counter until none is left. */
  private static void drain(AtomicInteger next, int chunks, ChunkTask task, int worker) {
    int c;
    while ((c = next.getAndIncrement()) < chunks) {
      task.run(c, worker);
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
