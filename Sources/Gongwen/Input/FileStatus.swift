#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one `stat` says about a path: its kind, size and modification time.
///
/// Cheaper than `FileManager.attributesOfItem`, which also looks the owner up in the user and
/// group databases, a cost batches would pay on every file.
struct FileStatus {
  enum Kind {
    case file, directory
    /// A symbolic link (seen only when links are not followed).
    case link
    case other
  }

  var kind: Kind
  /// Size in bytes.
  var size: Int
  /// Last modification, in nanoseconds since 1970.
  var modified: Int64

  /// The status of `path`, or nil when it does not exist (or cannot be examined).
  init?(path: String, followingLinks: Bool = true) {
    var info = stat()
    guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .file
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .link
    default: kind = .other
    }
    size = Int(info.st_size)
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }
}
