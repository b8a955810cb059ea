package dev.asyncinspect.analyzer.dump;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A histogram of durations in nanoseconds, with the log-linear buckets of the dump format: four
 * buckets per power of two, each at most 25 % wide relative to its low end. Buckets 0 to 3 hold
 * exactly the values 0 to 3; a bucket {@code b >= 4} covers {@code [(4 + b % 4) * 2^(b / 4 - 1), (5
 * + b % 4) * 2^(b / 4 - 1))}. Bucket {@value #MAX_BUCKET} ends at {@link Long#MAX_VALUE}.
 *
 * @param buckets the non-empty buckets, in increasing bucket order
 */
public record Histogram(List<Bucket> buckets) {

  /** The highest bucket index: the one that holds {@link Long#MAX_VALUE}. */
  public static final int MAX_BUCKET = 247;

  /** An empty histogram. */
  public static final Histogram EMPTY = new Histogram(List.of());

  /**
   * One bucket and how many durations fell into it.
   *
   * @param index the bucket index, 0 to {@value #MAX_BUCKET}
   * @param count the number of durations in it
   */
  public record Bucket(int index, long count) {
    public Bucket {
      if (index < 0 || index > MAX_BUCKET) {
        throw new IllegalArgumentException("bucket " + index + " is outside 0.." + MAX_BUCKET);
      }
    }
  }

  public Histogram {
    List<Bucket> sorted = new ArrayList<>(Copies.list(buckets));
    sorted.sort(Comparator.comparingInt(Bucket::index));
    buckets = List.copyOf(sorted);
  }

  /** The bucket a duration falls into; durations below 0 count as 0. */
  public static int bucketOf(long nanos) {
    if (nanos < 4) {
      return nanos <= 0 ? 0 : (int) nanos;
    }
    int log2 = 63 - Long.numberOfLeadingZeros(nanos);
    int twoBitsBelowLeadingOne = (int) (nanos >>> (log2 - 2)) & 3;
    return 4 * (log2 - 1) + twoBitsBelowLeadingOne;
  }

  /** The lowest duration that falls into a bucket. */
  public static long lowestValue(int bucket) {
    checkBucket(bucket);
    if (bucket < 4) {
      return bucket;
    }
    return (4L + bucket % 4) << (bucket / 4 - 1);
  }

  /** The highest duration that falls into a bucket. */
  public static long highestValue(int bucket) {
    checkBucket(bucket);
    if (bucket < 4) {
      return bucket;
    }
    // low + (width - 1): for the last bucket, low + width itself would overflow.
    long width = 1L << (bucket / 4 - 1);
    return lowestValue(bucket) + (width - 1);
  }

  /** The number of durations recorded. */
  public long totalCount() {
    long total = 0;
    for (Bucket bucket : buckets) {
      total += bucket.count();
    }
    return total;
  }

  /**
   * The duration at or below which {@code percent} % of the recorded durations fall, as the highest
   * value of the bucket that holds it (so never an underestimate); 0 when empty.
   *
   * @param percent 0 to 100, e.g. 50, 95, 99
   */
  public long valueAtPercentile(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("percentile " + percent + " is outside 0..100");
    }
    long total = totalCount();
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(percent / 100 * total));
    long seen = 0;
    for (Bucket bucket : buckets) {
      seen += bucket.count();
      if (seen >= rank) {
        return highestValue(bucket.index());
      }
    }
    return highestValue(buckets.get(buckets.size() - 1).index());
  }

  private static void checkBucket(int bucket) {
    if (bucket < 0 || bucket > MAX_BUCKET) {
      throw new IllegalArgumentException("bucket " + bucket + " is outside 0.." + MAX_BUCKET);
    }
  }
}
