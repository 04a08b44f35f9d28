import Foundation
import Testing

@testable import Gongwen

@Suite("Batch: planning the outputs")
struct BatchPlanTests {
  @Test func aGeneratedNameNeverTakesAnotherInputsName() throws {
    let folder = try TemporaryFolder()
    for name in ["a.txt", "A.txt", "a~2.txt", "b.txt"] { try folder.write("in/" + name, text: "会议纪要\n") }
    let converter = BatchConverter(outputDirectory: folder.url.appendingPathComponent("out"))
    let files = FileWalker(paths: [folder.path + "/in"])
    let plan = BatchPlan(for: files, converter: converter)
    #expect(plan.inputCount == 4)
    #expect(plan.refusal == nil)
    // Name order: A.txt, a.txt, a~2.txt, b.txt. a.txt cannot have a~2.json: a~2.txt claims it.
    #expect(plan.renamed.map(\.path) == [folder.path + "/in/a.txt"])
    #expect(plan.outputs == [folder.path + "/in/a.txt": "a~3.json"])
    var planned = converter
    planned.plan = plan
    #expect(Set(files.map { planned.outputURL(for: $0).lastPathComponent }) == ["A.json", "a~3.json", "a~2.json", "b.json"])
  }

  @Test func namesAreComparedAfterCanonicalComposition() {
    // é precomposed and e + combining acute are one name on a normalising disk.
    #expect(BatchPlan.key("caf\u{E9}.json") == BatchPlan.key("CAFE\u{301}.json"))
    #expect(BatchPlan.numbered("2021/a.pdf.json", 2) == "2021/a.pdf~2.json")
  }

  @Test func theSameInputNamedTwiceIsNotACollision() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("a.txt", text: "会议纪要\n")
    let converter = BatchConverter(outputDirectory: folder.url.appendingPathComponent("out"))
    let plan = BatchPlan(for: FileWalker(paths: [file, file]), converter: converter)
    #expect(plan.renamed.isEmpty)
  }

  @Test func aFullOrFailingDiskIsAnIOErrorOtherFailuresAreUnwritable() {
    let output = URL(fileURLWithPath: "/out/a.json")
    for number in [ENOSPC, EIO, EDQUOT] {
      let failure = BatchFailure(writing: output, FileWriteError(path: output.path, number: number))
      #expect(failure.code == BatchFailure.ioError)
      #expect(failure.reason.hasPrefix("cannot write /out/a.json: "))
    }
    let denied = BatchFailure(writing: output, FileWriteError(path: output.path, number: EACCES))
    #expect(denied == BatchFailure(code: BatchFailure.unwritable, reason: "cannot write /out/a.json: Permission denied"))
  }
}
