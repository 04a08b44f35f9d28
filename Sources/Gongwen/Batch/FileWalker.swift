import Foundation

/// The files a batch reads, found lazily: files named directly are taken whatever their
/// extension; folders are walked depth first, in name order, taking the files whose extension
/// is one of ``extensions``.
///
/// The walk reads one folder listing at a time and keeps only the listings of the folders on
/// the current path, so its memory grows with the depth and width of the tree, not with the
/// number of files. Hidden files and folders (names starting with `.`) are skipped, and so are
/// symbolic links to folders (a link can close a cycle); links to files are followed. `-` names
/// standard input. A path that does not exist, or a folder that cannot be listed, is yielded
/// with its ``InputFile/problem`` set, so that it is reported like any other failed input.
///
/// ```swift
/// for file in FileWalker(paths: ["archive"], extensions: ["txt", "text"]) {
///   print(file.relativePath)
/// }
/// ```
public struct FileWalker: Sequence, Sendable {
  /// The paths to walk, as given.
  public var paths: [String]
  /// The extensions of the files taken from folders, lower-cased, without the dot.
  public var extensions: Set<String>

  public init(paths: [String], extensions: some Sequence<String> = SourceFormat.defaultExtensions) {
    self.paths = paths
    self.extensions = Set(extensions.map { Self.normalizedExtension($0) })
  }

  /// `.TXT` → `txt`.
  static func normalizedExtension(_ text: String) -> String {
    String(text.drop { $0 == "." }).lowercased()
  }

  /// How many files the walk yields, counted without keeping them (for progress displays).
  public func count() -> Int {
    var count = 0
    var iterator = makeIterator()
    while iterator.next() != nil { count += 1 }
    return count
  }

  public func makeIterator() -> Iterator {
    Iterator(paths: paths[...], extensions: extensions)
  }

  public struct Iterator: IteratorProtocol {
    /// A folder being listed: its entries in name order and where the walk is in them.
    struct Frame {
      var directory: String
      var displayDirectory: String
      var relativeDirectory: String
      var entries: [String]
      var next = 0
    }

    var paths: ArraySlice<String>
    let extensions: Set<String>
    var stack: [Frame] = []

    init(paths: ArraySlice<String>, extensions: Set<String>) {
      self.paths = paths
      self.extensions = extensions
    }

    public mutating func next() -> InputFile? {
      while true {
        if let found = nextInFolders() { return found }
        guard let path = paths.popFirst() else { return nil }
        if let found = start(path) { return found }
      }
    }

    /// A path given by the caller: a file is yielded, a folder pushed.
    mutating func start(_ path: String) -> InputFile? {
      if path == "-" { return .standardInput }
      let url = URL(fileURLWithPath: path)
      switch FileStatus(path: path)?.kind {
      case .directory:
        push(directory: path, display: path, relative: "")
        return nil
      case nil:
        return InputFile(
          location: .file(url), path: path, relativePath: url.lastPathComponent,
          problem: InputError(code: .unreadable, message: "no such file or folder: \(path)"))
      case .file, .link, .other:
        return InputFile(location: .file(url), path: path, relativePath: url.lastPathComponent)
      }
    }

    mutating func nextInFolders() -> InputFile? {
      while var frame = stack.popLast() {
        guard frame.next < frame.entries.count else { continue }
        let name = frame.entries[frame.next]
        frame.next += 1
        stack.append(frame)
        let path = Self.join(frame.directory, name)
        let display = Self.join(frame.displayDirectory, name)
        let relative = frame.relativeDirectory.isEmpty ? name : frame.relativeDirectory + "/" + name
        switch Self.kind(of: path) {
        case .directory:
          if let found = push(directory: path, display: display, relative: relative) { return found }
        case .file where extensions.contains(Self.fileExtension(of: name)):
          return InputFile(location: .file(URL(fileURLWithPath: path)), path: display, relativePath: relative)
        default:
          continue
        }
      }
      return nil
    }

    /// Lists a folder; a folder that cannot be listed comes back as a failed input.
    @discardableResult
    mutating func push(directory: String, display: String, relative: String) -> InputFile? {
      do {
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory)
          .filter { !$0.hasPrefix(".") }
          .sorted()
        stack.append(Frame(directory: directory, displayDirectory: display, relativeDirectory: relative, entries: entries))
        return nil
      } catch {
        return InputFile(
          location: .file(URL(fileURLWithPath: directory)), path: display, relativePath: relative,
          problem: InputError(code: .unreadable, message: "cannot list the folder \(display): \(error.localizedDescription)"))
      }
    }

    /// A folder entry's kind: links to files count as files; links to folders are not
    /// followed (a link can close a cycle).
    static func kind(of path: String) -> FileStatus.Kind? {
      guard let status = FileStatus(path: path, followingLinks: false) else { return nil }
      guard status.kind == .link else { return status.kind }
      return FileStatus(path: path)?.kind == .file ? .file : .link
    }

    static func join(_ directory: String, _ name: String) -> String {
      directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func fileExtension(of name: String) -> String {
      guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
      return name[name.index(after: dot)...].lowercased()
    }
  }
}
