import Foundation

/// The files a batch reads, found lazily: files named directly are taken whatever their
/// extension; folders are walked depth first, in name order, taking the files whose extension
/// is one of ``extensions``.
///
/// The walk reads one folder listing at a time and keeps only the listings of the folders on
/// the current path, so its memory grows with the depth and width of the tree, not with the
/// number of files. Hidden files and folders (names starting with `.`) are skipped. A symbolic
/// link found in a folder is followed only when it stays in the tree: a link to a file is taken
/// when the file lies below the folder the walk started from, and links to folders are not
/// followed (a link can close a cycle). With ``followsLinks``, links to files are taken wherever
/// they point and links to folders are walked, a link back to a folder on the current path being
/// a loop. Folders of ``excludedFolders`` (the batch's own output folder) are not walked.
/// `-` names standard input. A path that does not exist, or a folder that cannot be listed, is
/// yielded with its ``InputFile/problem`` set, so that it is reported like any other failed
/// input.
///
/// What the walk passes over besides hidden files and other extensions — FIFOs, sockets and
/// devices, dangling links, link loops, links out of the tree, links to folders, excluded
/// folders — is yielded with ``InputFile/ignored`` set when ``reportsIgnored`` is on, so that a
/// batch can count it; otherwise it is passed over silently.
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
  /// Follow symbolic links out of the tree, and links to folders.
  public var followsLinks: Bool
  /// Folders not to walk into (compared by identity, not by name), unless named directly.
  public var excludedFolders: [String]
  /// Yield the entries passed over, with ``InputFile/ignored`` set.
  public var reportsIgnored: Bool

  /// The code of a FIFO, socket or device found in a folder.
  public static let notRegular = "not-a-regular-file"
  /// The code of a link whose target does not exist.
  public static let danglingLink = "dangling-link"
  /// The code of a link that leads back to itself or to a folder on the current path.
  public static let linkLoop = "link-loop"
  /// The code of a link to a file outside the folder the walk started from.
  public static let linkOutside = "link-outside-input"
  /// The code of a link to a folder (not followed without ``followsLinks``).
  public static let linkedFolder = "linked-folder"
  /// The code of a folder of ``excludedFolders`` met in the walk.
  public static let excludedFolder = "excluded-folder"

  /// Creates a FileWalker from its parts; each argument sets the property of the same name.
  public init(
    paths: [String], extensions: some Sequence<String> = SourceFormat.defaultExtensions, followsLinks: Bool = false,
    excludedFolders: [String] = [], reportsIgnored: Bool = false
  ) {
    self.paths = paths
    self.extensions = Set(extensions.map { Self.normalizedExtension($0) })
    self.followsLinks = followsLinks
    self.excludedFolders = excludedFolders
    self.reportsIgnored = reportsIgnored
  }

  /// `.TXT` → `txt`.
  static func normalizedExtension(_ text: String) -> String {
    String(text.drop { $0 == "." }).lowercased()
  }

  /// How many files the walk yields, counted without keeping them (for progress displays).
  public func count() -> Int {
    var count = 0
    var iterator = makeIterator()
    while let file = iterator.next() {
      if file.ignored == nil { count += 1 }
    }
    return count
  }

  /// Starts a walk; each iteration walks anew.
  public func makeIterator() -> Iterator {
    Iterator(walker: self)
  }

  /// Walks the paths depth first, each folder's entries in name order.
  public struct Iterator: IteratorProtocol {
    /// A folder being listed: its entries in name order and where the walk is in them.
    struct Frame {
      var directory: String
      var displayDirectory: String
      var relativeDirectory: String
      var entries: [String]
      var next = 0
      /// The folder's identity, for telling loops when links are followed.
      var identity: FileIdentity?
      /// The resolved path of the folder the walk started from.
      var root: String
    }

    var paths: ArraySlice<String>
    let extensions: Set<String>
    let followsLinks: Bool
    let reportsIgnored: Bool
    let excluded: Set<FileIdentity>
    var stack: [Frame] = []

    init(walker: FileWalker) {
      paths = walker.paths[...]
      extensions = walker.extensions
      followsLinks = walker.followsLinks
      reportsIgnored = walker.reportsIgnored
      excluded = Set(walker.excludedFolders.compactMap { FileIdentity(path: $0) })
    }

    /// The next input (or, with ``reportsIgnored``, an entry passed over), or nil at the end.
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
        return push(directory: path, display: path, relative: "", root: resolvedPath(path) ?? path)
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
        let taken = extensions.contains(Self.fileExtension(of: name))
        let reportsIgnored = self.reportsIgnored
        func ignore(_ code: String, _ reason: String) -> InputFile? {
          guard reportsIgnored else { return nil }
          return InputFile(
            location: .file(URL(fileURLWithPath: path)), path: display, relativePath: relative,
            ignored: BatchFailure(code: code, reason: reason))
        }
        guard let status = FileStatus(path: path, followingLinks: false) else { continue }
        var found: InputFile?
        switch status.kind {
        case .directory:
          if let identity = FileIdentity(path: path), excluded.contains(identity) {
            found = ignore(FileWalker.excludedFolder, "the output folder is not read as input")
          } else {
            found = push(directory: path, display: display, relative: relative, root: frame.root)
          }
        case .file:
          if taken {
            // The walk knows it is a file: the URL need not ask the file system again.
            found = InputFile(
              location: .file(URL(fileURLWithPath: path, isDirectory: false)), path: display, relativePath: relative)
          }
        case .other:
          found = ignore(FileWalker.notRegular, "not a regular file (a FIFO, socket or device)")
        case .link:
          found = link(at: path, display: display, relative: relative, taken: taken, root: frame.root, ignore: ignore)
        }
        if let found { return found }
      }
      return nil
    }

    /// A symbolic link met in a folder: taken, walked, or passed over (and said why).
    mutating func link(
      at path: String, display: String, relative: String, taken: Bool, root: String,
      ignore: (String, String) -> InputFile?
    ) -> InputFile? {
      guard let target = FileStatus(path: path) else {
        return errno == ELOOP
          ? ignore(FileWalker.linkLoop, "a symbolic link that leads back to itself")
          : ignore(FileWalker.danglingLink, "a symbolic link to nothing")
      }
      switch target.kind {
      case .file:
        guard taken else { return nil }
        if !followsLinks, !(resolvedPath(path).map { isPath($0, inside: root) } ?? false) {
          return ignore(FileWalker.linkOutside, "a symbolic link out of the input folder (give --follow-links to read it)")
        }
        return InputFile(location: .file(URL(fileURLWithPath: path, isDirectory: false)), path: display, relativePath: relative)
      case .directory:
        guard followsLinks else {
          return ignore(FileWalker.linkedFolder, "a symbolic link to a folder (give --follow-links to walk it)")
        }
        let identity = FileIdentity(path: path)
        if let identity, stack.contains(where: { $0.identity == identity }) {
          return ignore(FileWalker.linkLoop, "a symbolic link to a folder it lies in")
        }
        if let identity, excluded.contains(identity) {
          return ignore(FileWalker.excludedFolder, "the output folder is not read as input")
        }
        return push(directory: path, display: display, relative: relative, root: root)
      case .link, .other:
        return ignore(FileWalker.notRegular, "a symbolic link to something that is not a regular file")
      }
    }

    /// Lists a folder; a folder that cannot be listed comes back as a failed input.
    @discardableResult
    mutating func push(directory: String, display: String, relative: String, root: String) -> InputFile? {
      do {
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory)
          .filter { !$0.hasPrefix(".") }
          .sorted()
        stack.append(
          Frame(
            directory: directory, displayDirectory: display, relativeDirectory: relative, entries: entries,
            identity: FileIdentity(path: directory), root: root))
        return nil
      } catch {
        return InputFile(
          location: .file(URL(fileURLWithPath: directory)), path: display, relativePath: relative,
          problem: InputError(code: .unreadable, message: "cannot list the folder \(display): \(error.localizedDescription)"))
      }
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
