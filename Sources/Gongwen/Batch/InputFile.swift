import Foundation

/// One document to read in a batch: a file named directly, a file found below a folder, or
/// standard input.
public struct InputFile: Sendable, Hashable {
  /// Where the bytes come from.
  public enum Location: Sendable, Hashable {
    /// A file.
    case file(URL)
    /// Standard input, named `-` on command lines.
    case standardInput
  }

  /// Where the bytes come from.
  public var location: Location
  /// The path to show people: the path as given, joined with the path found below a folder
  /// (`archive/2021/minutes-126.txt`); `-` for standard input.
  public var path: String
  /// The path below the folder the walk started from (`2021/minutes-126.txt`), the file name
  /// for a file named directly, `-` for standard input. Outputs mirror it.
  public var relativePath: String
  /// Why the input cannot be read, when the walk already knows: a path that does not exist,
  /// a folder that cannot be listed.
  public var problem: InputError?
  /// Why the walk passed over this folder entry without taking it (a FIFO, a dangling link, a
  /// link loop, a link out of the input tree, the output folder), when the walk is asked to say
  /// so (``FileWalker/reportsIgnored``). Such an entry is not an input: it is counted, not read.
  public var ignored: BatchFailure?

  /// Creates an InputFile from its parts; each argument sets the property of the same name.
  public init(
    location: Location, path: String, relativePath: String, problem: InputError? = nil, ignored: BatchFailure? = nil
  ) {
    self.location = location
    self.path = path
    self.relativePath = relativePath
    self.problem = problem
    self.ignored = ignored
  }

  /// A file named by its path; its relative path is its file name.
  public init(path: String) {
    let url = URL(fileURLWithPath: path)
    self.init(location: .file(url), path: path, relativePath: url.lastPathComponent)
  }

  /// Standard input.
  public static let standardInput = InputFile(location: .standardInput, path: "-", relativePath: "-")
}
