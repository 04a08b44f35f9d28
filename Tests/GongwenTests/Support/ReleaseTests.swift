import Foundation
import Testing

@testable import Gongwen

/// A release is one version everywhere: `gongwen --version` (``DocumentParser/version``), the
/// CHANGELOG's latest release section, and the README's dependency line.
@Suite("Release: one version in the code, the changelog and the README")
struct ReleaseTests {
  @Test func theLatestChangelogReleaseIsTheLibrarysVersion() throws {
    let changelog = try String(contentsOf: Corpus.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
    let released = changelog.split(separator: "\n").first { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") }
    let heading = try #require(released)
    #expect(heading.hasPrefix("## [\(DocumentParser.version)] - "))
  }

  @Test func theReadmeDependsOnTheReleasedVersion() throws {
    let readme = try String(contentsOf: Corpus.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("from: \"\(DocumentParser.version)\""))
  }
}
