// Throughput of the pipeline's stages on the shared corpus and the project's Corpus/, in a
// release build: `swift run -c release GongwenBenchmark [--megabytes N] [--seconds S]
// [--stage NAME]… [--document TEXT]` (only the stages named, only the documents whose path
// contains TEXT); `--archive` measures the SQLite archive instead (ArchiveBenchmark.swift).
//
// MB is 10^6 bytes of the documents' UTF-8 input; each stage runs over the same documents,
// repeated until a pass holds a few megabytes. A stage is a name and a closure over one
// prepared document: add a stage by appending to `stages`. `--stage formats` reads the
// Corpus/formats fixtures (PDF, DOCX, OFD, saved page) beside their text twin.
import CICU
import Foundation
import Gongwen

/// One document, prepared for every stage.
struct Prepared {
  var bytes: Data
  var text: String
  var normalized: NormalizedText
  var lexical: LexicalText
  var utf16: [UInt16]
  var structure: DocumentStructure
  var document: Document
}

/// A named stage: runs over one document and returns a number derived from its output, so the
/// work cannot be optimised away.
struct Stage {
  var name: String
  var run: (Prepared) -> Int
}

func option(_ name: String, default value: Double) -> Double {
  let arguments = CommandLine.arguments
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let parsed = Double(arguments[index + 1]) else {
    return value
  }
  return parsed
}

let chosenStages = CommandLine.arguments.indices.dropLast()
  .filter { CommandLine.arguments[$0] == "--stage" }.map { CommandLine.arguments[$0 + 1] }
let megabytes = option("--megabytes", default: 4)
let seconds = option("--seconds", default: 2)
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

// `--word-break-files DIR`: the reference line of Benchmarks/batch-vs-word-break.sh. Every file
// of DIR is read, decoded and run through ICU's word break alone, one after the other on one
// core, as the batch reads them; prints the files, bytes and seconds.
if let index = CommandLine.arguments.firstIndex(of: "--word-break-files"), index + 1 < CommandLine.arguments.count {
  let folder = CommandLine.arguments[index + 1]
  let clock = ContinuousClock()
  let started = clock.now
  var status: Int32 = 0
  guard let breaker = cicu_word_breaker_open("zh", &status) else {
    FileHandle.standardError.write(Data("GongwenBenchmark: ICU's word break iterator could not be opened\n".utf8))
    exit(1)
  }
  let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
  let decoder = TextDecoder()
  var boundaries = [Int32](repeating: 0, count: 1 << 16)
  var files = 0
  var bytes = 0
  var checksum = 0
  for name in names {
    guard let data = FileManager.default.contents(atPath: folder + "/" + name), let decoded = try? decoder.decode(data) else {
      continue
    }
    let utf16 = Array(decoded.text.utf16)
    if boundaries.count <= utf16.count { boundaries = [Int32](repeating: 0, count: utf16.count + 1) }
    checksum &+= Int(
      utf16.withUnsafeBufferPointer { text in
        boundaries.withUnsafeMutableBufferPointer { found in
          cicu_word_breaker_boundaries(breaker, text.baseAddress, Int32(text.count), found.baseAddress, nil, Int32(found.count), &status)
        }
      })
    files += 1
    bytes += data.count
  }
  cicu_word_breaker_close(breaker)
  let elapsed = clock.now - started
  let time = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  print("\(files) files, \(bytes) bytes, \(String(format: "%.3f", time)) s, \(String(format: "%.2f", Double(bytes) / 1e6 / time)) MB/s (checksum \(checksum & 0xFFFF))")
  exit(0)
}

// `--convert-files DIR OUT`: what `gongwen batch DIR --output OUT --jobs 1` does, on the main
// thread (callgrind cannot follow the batch's worker threads): the plan of output names (a walk
// of its own, as the command makes it), the walk, then per file the conversion (read, decode,
// parse, JSON, atomic write) and its tally, then the report.
if let index = CommandLine.arguments.firstIndex(of: "--convert-files"), index + 2 < CommandLine.arguments.count {
  let input = CommandLine.arguments[index + 1]
  let output = CommandLine.arguments[index + 2]
  var converter = BatchConverter(outputDirectory: URL(fileURLWithPath: output), jobs: 1)
  let started = Date()
  let files = FileWalker(paths: [input], excludedFolders: [output], reportsIgnored: true)
  converter.plan = BatchPlan(for: files, converter: converter)
  var report = BatchReport(inputs: [input], outputDirectory: converter.outputDirectory.path, jobs: 1, startedAt: started)
  for file in files { report.record(converter.convert(file)) }
  report.finish()
  converter.removeStaleTemporaryFiles(olderThan: started)
  do {
    try converter.writeReport(report)
  } catch {
    FileHandle.standardError.write(Data("GongwenBenchmark: \(error)\n".utf8))
    exit(1)
  }
  print(report.summary)
  exit(report.failed == 0 ? 0 : 1)
}
// `--archive [--archive-documents N]`: an archive of N (10,000) documents built and queried,
// against the batch on the same files (ArchiveBenchmark.swift).
if let index = CommandLine.arguments.firstIndex(of: "--index-files"), index + 2 < CommandLine.arguments.count {
  // `--index-files DIR ARCHIVE`: every file of DIR indexed one after the other on the main
  // thread, one transaction each (callgrind cannot follow the indexer's threads).
  exit(ArchiveBenchmark.indexSequentially(folder: CommandLine.arguments[index + 1], archive: CommandLine.arguments[index + 2]))
}
if CommandLine.arguments.contains("--archive") {
  exit(ArchiveBenchmark.run(root: root, documents: Int(option("--archive-documents", default: 10_000))))
}
let folders = [
  root.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev"),
  root.appendingPathComponent("Corpus"),
]

var files: [URL] = []
for folder in folders {
  guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
  for case let url as URL in walker where url.pathExtension == "txt" { files.append(url) }
}
files.sort { $0.path < $1.path }
// `--document TEXT`: only the documents whose path contains TEXT (e.g. the seed).
let documentFilter = CommandLine.arguments.firstIndex(of: "--document").flatMap {
  $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil
}
if let documentFilter { files = files.filter { $0.path.contains(documentFilter) } }
guard !files.isEmpty else {
  FileHandle.standardError.write(Data("GongwenBenchmark: no documents in \(folders.map(\.path)); run it from the package root\n".utf8))
  exit(1)
}

let decoder = TextDecoder()
let normalizer = Normalizer()
let recognizer = SectionRecognizer()
let extractor = EntityExtractor()
let parser = DocumentParser()
let documents: [Prepared] = files.compactMap { url in
  guard let bytes = try? Data(contentsOf: url), let decoded = try? decoder.decode(bytes) else { return nil }
  let normalized = normalizer.normalize(decoded.text)
  let lexical = LexicalText(normalized, lexicon: .builtIn)
  return Prepared(
    bytes: bytes, text: decoded.text, normalized: normalized, lexical: lexical, utf16: Array(normalized.text.utf16),
    structure: recognizer.recognize(lexical), document: parser.parse(decoded))
}
let corpusBytes = documents.reduce(0) { $0 + $1.bytes.count }
let repeats = max(1, Int((megabytes * 1e6 / Double(corpusBytes)).rounded(.up)))
let passBytes = corpusBytes * repeats
let passDocuments = documents.count * repeats

// ICU's word break through the C shim alone, on the normalised text the tokenizer reads.
var status: Int32 = 0
guard let breaker = cicu_word_breaker_open("zh", &status) else {
  FileHandle.standardError.write(Data("GongwenBenchmark: ICU's word break iterator could not be opened\n".utf8))
  exit(1)
}
var boundaryBuffer = [Int32](repeating: 0, count: 1 << 20)

let tokenizer = Tokenizer()
if let problem = Lexicon.builtInStatus.problem {
  FileHandle.standardError.write(Data("GongwenBenchmark: warning: \(problem)\n".utf8))
}

let stages: [Stage] = [
  Stage(name: "decode") { document in
    (try? decoder.decode(document.bytes))?.text.utf8.count ?? 0
  },
  Stage(name: "normalize") { document in
    normalizer.normalize(document.text).scalars.count
  },
  Stage(name: "ICU word break") { document in
    var status: Int32 = 0
    return Int(
      document.utf16.withUnsafeBufferPointer { text in
        boundaryBuffer.withUnsafeMutableBufferPointer { boundaries in
          cicu_word_breaker_boundaries(
            breaker, text.baseAddress, Int32(text.count), boundaries.baseAddress, nil, Int32(boundaries.count), &status)
        }
      })
  },
  Stage(name: "tokenize") { document in
    tokenizer.tokenize(document.normalized).count
  },
  Stage(name: "fold") { document in
    LexicalText(document.normalized, lexicon: .builtIn).scalars.count
  },
  Stage(name: "structure") { document in
    recognizer.recognize(document.lexical).blocks.count
  },
  Stage(name: "entities") { document in
    var parsed = Document()
    extractor.extract(document.lexical, document.structure, into: &parsed)
    return parsed.attendance.everyone.count + parsed.organizations.count
  },
  Stage(name: "JSON") { document in
    document.document.jsonBytes(prettyPrinted: false).count
  },
  // Bytes in, contract JSON bytes out: what `gongwen batch` does per file, on one core.
  Stage(name: "parse (1 core)") { document in
    ((try? parser.parse(bytes: document.bytes))?.jsonBytes(prettyPrinted: false).count) ?? 0
  },
]

print("Gongwen benchmark: ICU \(ICU.version), \(documents.count) documents (\(corpusBytes) bytes of UTF-8)")
print("each pass: the documents \(repeats) times, \(String(format: "%.2f", Double(passBytes) / 1e6)) MB, \(passDocuments) documents")
print("")
print("stage".padding(toLength: 18, withPad: " ", startingAt: 0) + "      MB/s    documents/s")
let clock = ContinuousClock()
var checksum = 0
let chosen = stages.filter { chosenStages.isEmpty || chosenStages.contains($0.name) }
for stage in chosen {
  for document in documents { checksum &+= stage.run(document) }  // warm-up
}
// Rounds run every stage once in turn, so a machine that gets busier or quieter during the run
// affects all stages alike; each stage keeps its best pass.
var best = [Double](repeating: .infinity, count: chosen.count)
var spent = 0.0
var rounds = 0
while rounds < 3 || spent < seconds * Double(chosen.count) {
  for (index, stage) in chosen.enumerated() {
    let elapsed = clock.measure {
      for _ in 0..<repeats {
        for document in documents { checksum &+= stage.run(document) }
      }
    }
    let time = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    best[index] = min(best[index], time)
    spent += time
  }
  rounds += 1
}
for (index, stage) in chosen.enumerated() {
  let rate = Double(passBytes) / 1e6 / best[index]
  let documentRate = Double(passDocuments) / best[index]
  print(stage.name.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%10.1f %14.0f", rate, documentRate))
}
cicu_word_breaker_close(breaker)

// The whole parse on every core: documents handed out to as many threads as there are cores.
if chosenStages.isEmpty || chosenStages.contains("parse (all cores)") {
  let cores = ProcessInfo.processInfo.activeProcessorCount
  let all = Array(repeating: documents, count: repeats).flatMap { $0 }
  var bestParallel = Double.infinity
  for _ in 0..<max(3, rounds) {
    let elapsed = clock.measure {
      DispatchQueue.concurrentPerform(iterations: cores) { worker in
        var sum = 0
        for index in stride(from: worker, to: all.count, by: cores) {
          sum &+= ((try? parser.parse(bytes: all[index].bytes))?.jsonBytes(prettyPrinted: false).count) ?? 0
        }
        if sum == -1 { print(sum) }
      }
    }
    bestParallel = min(bestParallel, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
  }
  let name = "parse (\(cores) cores)"
  print(
    name.padding(toLength: 18, withPad: " ", startingAt: 0)
      + String(format: "%10.1f %14.0f", Double(passBytes) / 1e6 / bestParallel, Double(passDocuments) / bestParallel))
}

// `formats`: the fixtures of Corpus/formats, one per format, read and parsed whole from their
// bytes; MB/s counts the file's bytes, and the extractor's share is the time the input layer
// (DocumentReader) takes of the whole parse.
if chosenStages.isEmpty || chosenStages.contains("formats") {
  print("")
  print("format".padding(toLength: 18, withPad: " ", startingAt: 0) + "      MB/s    documents/s   extractor share")
  let reader = DocumentReader(options: parser.configuration.decoding)
  let formats = root.appendingPathComponent("Corpus/formats")
  for name in ["beilun-2022-05-26.txt", "beilun-2022-05-26.html", "beilun-2022-05-26.docx", "beilun-2022-05-26.ofd", "beilun-2022-05-26.pdf"] {
    let url = name.hasSuffix(".txt")
      ? root.appendingPathComponent("Corpus/minutes/\(name)") : formats.appendingPathComponent(name)
    guard let bytes = try? Data(contentsOf: url) else { continue }
    // A PDF starts a process per document: fewer iterations keep the run short.
    let iterations = name.hasSuffix(".pdf") ? max(20, Int(seconds * 20)) : max(200, Int(seconds * 500))
    var bestRead = Double.infinity
    var bestParse = Double.infinity
    for _ in 0..<3 {
      let read = clock.measure {
        for _ in 0..<iterations { checksum &+= (try? reader.read(bytes))?.text.utf8.count ?? 0 }
      }
      let parse = clock.measure {
        for _ in 0..<iterations {
          checksum &+= (try? parser.parse(reader.read(bytes)))?.jsonBytes(prettyPrinted: false).count ?? 0
        }
      }
      bestRead = min(bestRead, Double(read.components.seconds) + Double(read.components.attoseconds) * 1e-18)
      bestParse = min(bestParse, Double(parse.components.seconds) + Double(parse.components.attoseconds) * 1e-18)
    }
    let label = "parse ." + (url.pathExtension)
    print(
      label.padding(toLength: 18, withPad: " ", startingAt: 0)
        + String(
          format: "%10.2f %14.0f %16.0f%%", Double(bytes.count * iterations) / 1e6 / bestParse,
          Double(iterations) / bestParse, 100 * min(1, bestRead / bestParse)))
  }
}

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("")
print("best pass of \(rounds) rounds (checksum \(checksum & 0xFFFF)); peak memory \(usage.ru_maxrss / 1024) MiB")
