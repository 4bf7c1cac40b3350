package dev.niche.examples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Command-line options of the walkthrough.
 *
 * @param out the folder for report.md and the charts
 * @param retention optional CSV of retention curves (columns: curve, period, active)
 * @param transactions optional CSV of transactions (columns: customer, date, amount)
 * @param valueChain optional CSV of value-chain costs (columns: activity, before, after)
 * @param calibrationEnd optional split of the transactions for the holdout validation
 */
record WalkthroughOptions(
    Path out, Optional<Path> retention, Optional<Path> transactions, Optional<Path> valueChain,
    Optional<LocalDate> calibrationEnd) {

  static final String USAGE = String.join("\n",
      "usage: Walkthrough [--out DIR] [--retention FILE] [--transactions FILE]"
          + " [--calibration-end DATE] [--value-chain FILE]",
      "  --out DIR            where report.md and the PNG charts go (default target/walkthrough)",
      "  --retention FILE     CSV with columns curve,period,active (active customers at period 0..n)",
      "  --transactions FILE  CSV with columns customer,date,amount (ISO dates)",
      "  --calibration-end DATE  holdout validation: fit on transactions up to DATE (ISO),",
      "                       predict the rest (default: halfway between first and last day)",
      "  --value-chain FILE   CSV with columns activity,before,after (costs)");

  static WalkthroughOptions parse(String... args) {
    Path out = Path.of("target", "walkthrough");
    Path retention = null;
    Path transactions = null;
    Path valueChain = null;
    LocalDate calibrationEnd = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + flag + " needs a value\n" + USAGE);
      }
      String text = args[++i];
      if (flag.equals("--calibration-end")) {
        try {
          calibrationEnd = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("--calibration-end " + text
              + " is not an ISO date (yyyy-mm-dd)\n" + USAGE, e);
        }
        continue;
      }
      Path value = Path.of(text);
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
        Optional.ofNullable(transactions), Optional.ofNullable(valueChain),
        Optional.ofNullable(calibrationEnd));
  }
}
