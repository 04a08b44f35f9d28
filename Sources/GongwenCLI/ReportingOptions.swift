import ArgumentParser
import Gongwen

/// `-q/--quiet` and `-v/--verbose`, shared by every command: how much goes to standard error
/// besides errors, which are always printed.
struct ReportingOptions: ParsableArguments {
  @Flag(name: [.short, .long], help: "Print no warnings, progress or summary on standard error; errors are still printed.")
  var quiet = false

  @Flag(name: [.short, .long], help: "Print a line per document on standard error: its path and how many diagnostics it has.")
  var verbose = false

  func validate() throws {
    guard !(quiet && verbose) else { throw ValidationError("--quiet does not go with --verbose.") }
  }

  /// A warning on standard error (`gongwen: warning: …`), unless quiet.
  func warn(_ message: String) {
    if !quiet { Terminal.error("warning: " + message) }
  }

  /// A progress or diagnostic line on standard error, only when verbose.
  func note(_ message: String) {
    if verbose { Terminal.error(message) }
  }

  /// The verbose line for a document: `PATH: N diagnostics (W warnings)`.
  func noteDiagnostics(_ diagnostics: [Diagnostic], of path: String) {
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    note("\(path == "-" ? "<stdin>" : path): \(diagnostics.count) diagnostics (\(warnings) warnings)")
  }
}
