package dev.niche.examples;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Command-line options of the walkthrough.
 *
 * @param out the folder for report.md and the charts
 * @param retention optional CSV of retention curves (columns: curve, period, active)
 * @param transactions optional CSV of transactions (columns: customer, date, amount)
 * @param valueChain optional CSV of value-chain costs (columns: activity, before, after)
 */
record WalkthroughOptions(
    Path out, Optional<Path> retention, Optional<Path> transactions, Optional<Path> valueChain) {

  static final String USAGE = String.join("\n",
      "usage: Walkthrough [--out DIR] [--retention FILE] [--transactions FILE] [--value-chain FILE]",
      "  --out DIR            where report.md and the PNG charts go (default target/walkthrough)",
      "  --retention FILE     CSV with columns curve,period,active (active customers at period 0..n)",
      "  --transactions FILE  CSV with columns customer,date,amount (ISO dates)",
      "  --value-chain FILE   CSV with columns activity,before,after (costs)");

  static WalkthroughOptions parse(String... args) {
    Path out = Path.of("target", "walkthrough");
    Path retention = null;
    Path transactions = null;
    Path valueChain = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + flag + " needs a value\n" + USAGE);
      }
      Path value = Path.of(args[++i]);
      switch (flag) {
        case "--out":
          out = value;
          break;
        case "--retention":
          retention = value;
          break;
        case "--transactions":
          transactions = value;
          break;
        case "--value-chain":
          valueChain = value;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
      }
    }
    return new WalkthroughOptions(out, Optional.ofNullable(retention),
        Optional.ofNullable(transactions), Optional.ofNullable(valueChain));
  }
}
