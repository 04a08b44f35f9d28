import Foundation
import Testing

@testable import Gongwen

@Suite("Structure: sections, blocks and numbering diagnostics")
struct SectionRecognizerTests {
  func recognize(_ text: String) -> (DocumentStructure, LexicalText) {
    let folded = lexical(text)
    return (SectionRecognizer().recognize(folded), folded)
  }

  /// The tree as `marker level title` lines, indented by level.
  func outline(_ text: String) -> [String] {
    func lines(_ section: Section) -> [String] {
      [String(repeating: " ", count: section.level - 1) + "\(section.marker)\(section.level) \(section.title)"]
        + section.children.flatMap(lines)
    }
    return recognize(text).0.sections.flatMap(lines)
  }

  func roles(_ text: String) -> [String] {
    let (structure, normalized) = recognize(text)
    return structure.blocks.map { "\($0.role): \($0.text(in: normalized))" }
  }

  @Test func fourLevels() {
    let text = """
      会议议定以下意见：
      一、关于信贷投放
      （一）人行中支要引导金融机构扩大贷款投放。
      1.用好再贷款政策。
      （1）年内安排再贷款额度80亿元。
      （2）推动开发知识产权质押融资产品。
      2.加强银企对接。
      市金融监管局牵头，每季度组织对接会。
      二、关于跨境贸易
      """
    #expect(
      outline(text) == [
        "一、1 关于信贷投放", " （一）2 人行中支要引导金融机构扩大贷款投放。", "  1.3 用好再贷款政策。",
        "   （1）4 年内安排再贷款额度80亿元。", "   （2）4 推动开发知识产权质押融资产品。", "  2.3 加强银企对接。",
        "二、1 关于跨境贸易",
      ])
    let sections = recognize(text).0.sections
    #expect(sections[0].text == "关于信贷投放")
    #expect(sections[0].children[0].children[1].text == "加强银企对接。市金融监管局牵头，每季度组织对接会。")
    #expect(sections[0].children[0].children[0].ordinal == 1)
    #expect(sections[0].children[0].children[0].style == "arabic-stop")
  }

  @Test func theTitleIsTheLineOrItsFirstSentence() {
    let text = """
      一、审议《2021年市政府挂牌督办94项重大安全生产事故隐患项目》
      （一）原则同意《2021年各市（区）党委政府考核评价指标》。由市应急局按程序发文。
      （二）会议议定：
      1.由市资源规划局负责，6月底前完成供地手续；
      """
    let sections = recognize(text).0.sections
    #expect(sections[0].title == "审议《2021年市政府挂牌督办94项重大安全生产事故隐患项目》")
    #expect(sections[0].children[0].title == "原则同意《2021年各市（区）党委政府考核评价指标》。")
    #expect(sections[0].children[0].text == "原则同意《2021年各市（区）党委政府考核评价指标》。由市应急局按程序发文。")
    #expect(sections[0].children[1].title == "会议议定：")
    #expect(sections[0].children[1].text == "会议议定：")
    #expect(sections[0].children[1].children[0].title == "由市资源规划局负责，6月底前完成供地手续；")
  }

  @Test func bracketedWordsInsideSentencesAreText() {
    let text = """
      一、审议《2021年各市（区）党委政府履职考核评价指标》
      （一）将安全生产纳入市级部门服务高质量（绩效管理）考核体系。各县（市、区）要抓好落实。
      """
    #expect(outline(text) == ["一、1 审议《2021年各市（区）党委政府履职考核评价指标》", " （一）2 将安全生产纳入市级部门服务高质量（绩效管理）考核体系。"])
  }

  @Test(arguments: [
    ("(一)实施范围。\n(二)分类标准。", ["（一）1 实施范围。", "（二）1 分类标准。"]),
    ("㈠实施范围。\n㈡分类标准。", ["（一）1 实施范围。", "（二）1 分类标准。"]),
    ("⑴实施范围。\n⑵分类标准。", ["（1）1 实施范围。", "（2）1 分类标准。"]),
    ("１．实施范围。\n２．分类标准。", ["1.1 实施范围。", "2.1 分类标准。"]),
    ("1、同意调整方案。\n2、同意合并设立花垣镇。", ["1、1 同意调整方案。", "2、1 同意合并设立花垣镇。"]),
    ("①实施范围。\n②分类标准。", ["①1 实施范围。", "②1 分类标准。"]),
  ])
  func markerVariants(text: String, expected: [String]) {
    #expect(outline(text) == expected)
  }

  @Test func decimalNumberingNestsByDepth() {
    let text = """
      1 总 则
      1.1 编制目的
      为主动预防洪涝灾害，特制定本预案。
      1.2编制依据
      1.2.1 法律
      2 组织体系
      """
    #expect(outline(text) == ["11 总则", " 1.12 编制目的", " 1.22 编制依据", "  1.2.13 法律", "21 组织体系"])
    #expect(recognize(text).0.sections[0].children[0].text == "编制目的为主动预防洪涝灾害，特制定本预案。")
  }

  @Test func rulesNumberArticlesThroughTheChapters() {
    let text = """
      第一章 总 则
      第一条 为规范管理，制定本办法。
      第二条 本办法适用于本市。
      第二章 决策
      第一节 启动
      第三条 决策事项建议可以由下列主体提出：
      （一）市人民政府领导人员；
      （二）人大代表。
      """
    #expect(
      outline(text) == [
        "第一章1 总则", " 第一条2 为规范管理，制定本办法。", " 第二条2 本办法适用于本市。", "第二章1 决策", " 第一节2 启动",
        "  第三条3 决策事项建议可以由下列主体提出：", "   （一）4 市人民政府领导人员；", "   （二）4 人大代表。",
      ])
    let (structure, _) = recognize(text)
    #expect(structure.diagnostics.isEmpty)
    #expect(structure.sections[0].text == "总 则")
  }

  @Test func chaptersWithItems() {
    let text = "第一章 总则\n一、根据宪法，制定本规则。\n二、准则是执政为民。\n第二章 组成人员\n三、县政府由县长、副县长组成。"
    #expect(
      outline(text) == ["第一章1 总则", " 一、2 根据宪法，制定本规则。", " 二、2 准则是执政为民。", "第二章1 组成人员", " 三、2 县政府由县长、副县长组成。"])
    #expect(recognize(text).0.diagnostics.isEmpty)
  }

  @Test func levelsAreDepthsInTheTree() {
    #expect(outline("（一）会议听取了汇报。\n1.区应急局要开展检查。\n（二）原则同意《方案》。") == ["（一）1 会议听取了汇报。", " 1.2 区应急局要开展检查。", "（二）1 原则同意《方案》。"])
    #expect(outline("一、传达学习会议精神\n1.会议传达学习了会议精神。\n二、研究森林防火") == ["一、1 传达学习会议精神", " 1.2 会议传达学习了会议精神。", "二、1 研究森林防火"])
  }

  @Test func gluedTextOpensSectionsWhereTheNumberingContinues() {
    let text =
      "汝城县第15次县长办公会议纪要 (二○二二年八月十四日) 814日上午,县长主持召开会议。现纪要如下: 一、关于开学准备工作 会议听取了汇报。会议要求,各县(市、区)要做好准备;确保9月 20 前开学。 二、关于道路提质改造 会议议定:(一)同意实施改造工程,由县交通运输局负责。(二)热水镇负责征地拆迁。 三、关于饮水安全 会议强调,要开展排查。"
    #expect(
      outline(text) == [
        "一、1 关于开学准备工作", "二、1 关于道路提质改造", " （一）2 同意实施改造工程,由县交通运输局负责。", " （二）2 热水镇负责征地拆迁。", "三、1 关于饮水安全",
      ])
    let sections = recognize(text).0.sections
    #expect(sections[0].text == "关于开学准备工作 会议听取了汇报。会议要求,各县(市、区)要做好准备;确保9月 20 前开学。")
    #expect(sections[1].text == "关于道路提质改造 会议议定:")
    #expect(sections[1].children[0].marker == "（一）")
  }

  @Test func aGluedLetterEndsItsLastSectionAtTheClosingFormula() {
    let text =
      "南平市人民政府办公室关于商请支持试点工作的函 南政办函(2018)31号福建省林业厅:为做好安置工作,现就有关事项商请支持:一、恳请贵厅给予倾斜。二、恳请贵厅指导我市。特此函告,请予支持。南平市人民政府办公室2018年5月7日(此件公开发布)"
    let (structure, normalized) = recognize(text)
    #expect(structure.sections.map(\.text) == ["恳请贵厅给予倾斜。", "恳请贵厅指导我市。"])
    let closing = structure.blocks.suffix(4).map { "\($0.role): \($0.text(in: normalized))" }
    #expect(closing == ["closingFormula: 特此函告,请予支持。", "organLine: 南平市人民政府办公室", "dateLine: 2018年5月7日", "note: (此件公开发布)"])
  }

  @Test func sentencesInsideTitlesAndBracketsOpenNothing() {
    let text = "一、审议方案。会议同意《关于调整（一）类项目的意见：二、三类项目暂缓》。要求各部门(1)月底前完成。"
    #expect(outline(text) == ["一、1 审议方案。"])
  }

  @Test func numberedItemsInsideASentenceOpenNothing() {
    let text = "一、关于A\n（一）要求如下：（1）道路；（2）桥梁。\n（二）下列车辆不受限制：①警车；②救护车。"
    #expect(outline(text) == ["一、1 关于A", " （一）2 要求如下：（1）道路；（2）桥梁。", " （二）2 下列车辆不受限制：①警车；②救护车。"])
  }

  @Test func aTableOfContentsIsNotTheBody() {
    let text = """
      丽水市重大行政决策程序实施办法
      目 录
      第一章 总则
      第二章 决策草案的形成
      第一章 总 则
      第一条为规范重大行政决策程序，制定本办法。
      第二章 决策草案的形成
      第二条决策事项建议可以由下列主体提出。
      """
    #expect(outline(text) == ["第一章1 总则", " 第一条2 为规范重大行政决策程序，制定本办法。", "第二章1 决策草案的形成", " 第二条2 决策事项建议可以由下列主体提出。"])
    #expect(
      roles(text).prefix(4) == [
        "front: 丽水市重大行政决策程序实施办法", "tableOfContents: 目 录", "tableOfContents: 第一章 总则", "tableOfContents: 第二章 决策草案的形成",
      ])
  }

  @Test func bareNumeralsAloneOnTheirLinesAreMarkersWhenTheyCount() {
    let text = """
      2025年7月30日，市长主持召开第13次常务会议。
      一
      会议听取了市发改局的汇报。会议要求，抓紧推进。
      二
      会议审议了《某镇污水处理实施方案》，议定了以下意见：
      原则同意《某镇污水处理实施方案》。由市住建局具体负责。
      三
      会议听取了两个地块的情况汇报，议定了以下意见：
      （一）关于东片区地块。同意收回土地。
      （二）关于西片区地块。同意部分摘牌。
      """
    #expect(
      outline(text) == [
        "一1 会议听取了市发改局的汇报。", "二1 会议审议了《某镇污水处理实施方案》，议定了以下意见：原则同意《某镇污水处理实施方案》。",
        "三1 会议听取了两个地块的情况汇报，议定了以下意见：", " （一）2 关于东片区地块。", " （二）2 关于西片区地块。",
      ])
    let sections = recognize(text).0.sections
    #expect(sections[1].text == "会议审议了《某镇污水处理实施方案》，议定了以下意见：原则同意《某镇污水处理实施方案》。由市住建局具体负责。")
    // A numeral alone that starts no run is text.
    #expect(outline("会议强调：\n三\n要抓好落实。").isEmpty)
  }

  @Test func aTraditionalRulesAttachmentWithItsHeadingSpreadOverLines() {
    let text = """
      關於印發《某某集團有限責任公司會議管理規範》的通知
      集團公司各單位：
      現將《某某集團有限責任公司會議管理規範》印發給你們，請遵照執行。
      二〇一一年七月二十二日
      附件：
      某某集團有限責任公司會議管理規範
      第一章
      總
      則
      第一條 為加強會議管理，制訂本規範。
      第二條 會議管理堅持統一管理的原則。第三條 會議主辦部門應各盡其責。
      （一）辦公室是會議主管部門；
      （二）辦公室協助各部門做好會議服務。
      """
    #expect(
      outline(text) == [
        "第一章1 總則", " 第一條2 為加強會議管理，制訂本規範。", " 第二條2 會議管理堅持統一管理的原則。", " 第三條2 會議主辦部門應各盡其責。",
        "  （一）3 辦公室是會議主管部門；", "  （二）3 辦公室協助各部門做好會議服務。",
      ])
    let (structure, _) = recognize(text)
    #expect(structure.sections[0].text == "總則")
    #expect(roles(text)[4...5] == ["label(Gongwen.BlockLabel.attachment): 附件：", "label(Gongwen.BlockLabel.attachment): 某某集團有限責任公司會議管理規範"])
  }

  @Test func aTableOfContentsIsKnownByItsShape() {
    let text = """
      某市社会信用条例
      （征求意见稿）
      第一章 总则
      第二章 信用信息归集
      第三章
      第一章 总则
      第一条 为了规范社会信用管理，制定本条例。
      第二章 信用信息归集
      第二条 信用信息依法归集。
      第三章 法律责任
      第三条 违反本条例的，依法处理。
      """
    #expect(
      outline(text) == [
        "第一章1 总则", " 第一条2 为了规范社会信用管理，制定本条例。", "第二章1 信用信息归集", " 第二条2 信用信息依法归集。", "第三章1 法律责任",
        " 第三条2 违反本条例的，依法处理。",
      ])
    #expect(
      roles(text).prefix(5) == [
        "front: 某市社会信用条例", "front: （征求意见稿）", "tableOfContents: 第一章 总则", "tableOfContents: 第二章 信用信息归集",
        "tableOfContents: 第三章",
      ])
    // Entries with page numbers, the document's title between them and the body.
    let paged = "一、总体要求 1\n二、主要任务 3\n三、保障措施 5\n某区实施方案\n一、总体要求\n（一）指导思想。坚持统筹推进。\n二、主要任务\n三、保障措施"
    #expect(outline(paged) == ["一、1 总体要求", " （一）2 指导思想。", "二、1 主要任务", "三、1 保障措施"])
    // Headings that each have their text are the body, not a table of contents.
    #expect(outline("一、总体要求\n二、主要任务\n三、保障措施\n坚持统筹推进。").count == 3)
  }

  @Test func aClosingFormulaLedByAShortClauseEndsTheBody() {
    let text = """
      关于校长办公会议有关事项的通知
      各单位：
      1.会议时间：办公会原则上每周二下午召开。
      2.议题材料：请于每周四前提交。
      请各单位遵照执行，特此通知。
      校长办公室
      2019年9月2日
      """
    #expect(recognize(text).0.sections.map(\.text) == ["会议时间：办公会原则上每周二下午召开。", "议题材料：请于每周四前提交。"])
    #expect(roles(text)[4] == "closingFormula: 请各单位遵照执行，特此通知。")
    // A sentence whose second clause only starts like a formula is text.
    #expect(recognize("1.会议要求：抓紧办理。\n会议强调，此复杂问题要研究。").0.sections[0].text == "会议要求：抓紧办理。会议强调，此复杂问题要研究。")
  }

  @Test func aGluedListGoesOnAfterSemicolonsAndPageCountersAreNotText() {
    let text = "四、会议主要任务 (一)研究审议长远规划; （二）研究部署年度工作计划; 1 / 3 (三)研究决定重要事项。 五、会议组织实施 由办公室负责会务工作。"
    #expect(
      outline(text) == [
        "四、1 会议主要任务", " （一）2 研究审议长远规划;", " （二）2 研究部署年度工作计划;", " （三）2 研究决定重要事项。", "五、1 会议组织实施",
      ])
    #expect(recognize(text).0.sections[0].children[1].text == "研究部署年度工作计划;")
    #expect(roles(text).contains("artifact: 1 / 3"))
    // A fraction that is no page of a count is text.
    #expect(recognize("一、总体要求 占比 3 / 2 以上。").0.sections[0].text == "总体要求 占比 3 / 2 以上。")
  }

  @Test func aSharingPagesChunkNumbersAreNotTheDocuments() {
    let text = """
      资源描述：
      1、(一)常委会会议一般每月召开两次。（二）会议由书记召集并主持，根据工作需要可确定有关人员
      2、列席会议。（三）会议必须有半数以上常委到会方能举行。
      """
    #expect(outline(text) == ["（一）1 常委会会议一般每月召开两次。", "（二）1 会议由书记召集并主持，根据工作需要可确定有关人员", "（三）1 会议必须有半数以上常委到会方能举行。"])
    #expect(recognize(text).0.sections[1].text == "会议由书记召集并主持，根据工作需要可确定有关人员列席会议。")
    #expect(roles(text).filter { $0.hasPrefix("artifact") } == ["artifact: 1、", "artifact: 2、"])
  }

  @Test func whatACutLeavesAtTheEndIsNoSection() {
    let text = "（九）有关福利的重大问题；\n（十）涉及基础建设的重大事项；\n(十一"
    let (structure, _) = recognize(text)
    #expect(structure.sections.map(\.text) == ["有关福利的重大问题；", "涉及基础建设的重大事项；"])
    #expect(roles(text).last == "artifact: (十一")
    #expect(roles("一、总体要求\n坚持统筹推进，...").last == "artifact: ...")
  }

  @Test func closingBlocksCarryWhatTheyState() throws {
    let (structure, text) = recognize(
      "关于防汛的会议纪要\n一、会议要求，做好准备。\n出 席:张伟、李强\n王芳\n记录：栗涛\n苏州市人民政府办公室整理\n2021年2月3日\n分送：各市、区人民政府。\n苏州市人民政府办公室 2021年2月4日印发")
    let labelled = structure.blocks.compactMap { block in block.label.map { (text.string($0.content), $0.opensBlock) } }
    #expect(labelled.map(\.0) == ["张伟、李强", "王芳", "栗涛", "各市、区人民政府。"])
    #expect(labelled.map(\.1) == [true, false, true, true])
    let compiler = try #require(structure.blocks.first { $0.role == .compilerLine })
    #expect(compiler.organs.map { text.string($0) } == ["苏州市人民政府办公室"])
    let date = try #require(structure.blocks.first { $0.role == .dateLine })
    #expect(date.date?.value.iso == "2021-02-03")
    let issuance = try #require(structure.blocks.first { $0.role == .issuance })
    #expect(issuance.organs.map { text.string($0) } == ["苏州市人民政府办公室"])
    #expect(issuance.date?.value.iso == "2021-02-04")
  }

  @Test func minutesFrontBodyAndClosingBlocks() {
    let text = """
      洛阳市人民政府第42次常务会议纪要
      2022年3月15日上午，市长主持召开第42次常务会议。现将会议议定事项纪要如下：
      一、研究森林防灭火工作
      （一）会议听取了市应急局的汇报。
      二、听取市场主体倍增工作情况汇报
      会议听取了市市场监管局的汇报。
      出席：仝建国 阚晓东 訾 萌
      管卫平 荣 佳
      列席：市纪委监委韩冰 市委组织部解文涛
      市检察院、联通洛阳分公司的代表
      请假：冯 坤（出差）
      记录：都 磊
      洛阳市人民政府办公室整理
      二〇二二年三月十七日
      （此件公开发布）
      分送：各县（市、区）人民政府，各有关单位。
      洛阳市人民政府办公室 2022年3月18日印发
      """
    let (structure, _) = recognize(text)
    #expect(structure.sections[1].text == "听取市场主体倍增工作情况汇报会议听取了市市场监管局的汇报。")
    #expect(
      roles(text) == [
        "front: 洛阳市人民政府第42次常务会议纪要", "front: 2022年3月15日上午，市长主持召开第42次常务会议。现将会议议定事项纪要如下：",
        "heading([0]): 一、研究森林防灭火工作", "heading([0, 0]): （一）会议听取了市应急局的汇报。", "heading([1]): 二、听取市场主体倍增工作情况汇报",
        "body([1]): 会议听取了市市场监管局的汇报。", "label(Gongwen.BlockLabel.present): 出席：仝建国 阚晓东 訾 萌",
        "label(Gongwen.BlockLabel.present): 管卫平 荣 佳", "label(Gongwen.BlockLabel.attending): 列席：市纪委监委韩冰 市委组织部解文涛",
        "label(Gongwen.BlockLabel.attending): 市检察院、联通洛阳分公司的代表", "label(Gongwen.BlockLabel.absent): 请假：冯 坤（出差）",
        "label(Gongwen.BlockLabel.recorder): 记录：都 磊", "compilerLine: 洛阳市人民政府办公室整理", "dateLine: 二〇二二年三月十七日",
        "note: （此件公开发布）", "label(Gongwen.BlockLabel.distribution): 分送：各县（市、区）人民政府，各有关单位。",
        "issuance: 洛阳市人民政府办公室2022年3月18日印发",
      ])
  }

  @Test func aNoticeThatIssuesAnAttachment() {
    let text = """
      芜政〔2021〕18号
      芜湖市人民政府关于印发芜湖市政府投资项目管理办法的通知
      各县、区人民政府，市政府各部门：
      《芜湖市政府投资项目管理办法》已经市政府常务会议审议通过，现印发给你们，请认真贯彻执行。
      芜湖市人民政府
      2021年6月8日
      （此件公开发布）
      芜湖市政府投资项目管理办法
      为规范政府投资行为，制定本办法。
      一、总体要求
      二、项目决策
      项目单位应当编制项目建议书。
      特此通知。
      抄送：市委各部门，市人大常委会办公室。
      芜湖市人民政府办公室 2021年6月9日印发
      """
    #expect(
      roles(text) == [
        "front: 芜政〔2021〕18号", "front: 芜湖市人民政府关于印发芜湖市政府投资项目管理办法的通知", "front: 各县、区人民政府，市政府各部门：",
        "unnumberedBody: 《芜湖市政府投资项目管理办法》已经市政府常务会议审议通过，现印发给你们，请认真贯彻执行。", "organLine: 芜湖市人民政府",
        "dateLine: 2021年6月8日", "note: （此件公开发布）", "attachmentTitle: 芜湖市政府投资项目管理办法", "attachmentPreamble: 为规范政府投资行为，制定本办法。",
        "heading([0]): 一、总体要求", "heading([1]): 二、项目决策", "body([1]): 项目单位应当编制项目建议书。", "closingFormula: 特此通知。",
        "label(Gongwen.BlockLabel.copyTo): 抄送：市委各部门，市人大常委会办公室。", "issuance: 芜湖市人民政府办公室2021年6月9日印发",
      ])
  }

  @Test func theAttachmentListIsNotPartOfTheLastSection() {
    let text = """
      四、加强督查考核
      市安委办要将渔业安全生产纳入督查重点。
      附件：1.2022年舟山市渔业安全生产重点任务分解表
      2.舟山市渔船隐患排查整治情况统计表
      舟山市人民政府办公室
      2022年4月2日
      """
    let (structure, _) = recognize(text)
    #expect(structure.sections.count == 1)
    #expect(structure.sections[0].text == "加强督查考核市安委办要将渔业安全生产纳入督查重点。")
    #expect(roles(text)[3] == "label(Gongwen.BlockLabel.attachment): 2.舟山市渔船隐患排查整治情况统计表")
  }

  @Test func unnumberedParagraphsAfterTheLastItemBelongToIt() {
    let text = "七、国庆节：10月1日至7日放假调休，共7天。\n节假日期间，各地区要妥善安排好值班工作。\n国务院办公厅\n2018年12月4日"
    #expect(recognize(text).0.sections[0].text == "国庆节：10月1日至7日放假调休，共7天。节假日期间，各地区要妥善安排好值班工作。")
  }

  @Test func webCopyTagsAreNotText() {
    let text = """
      <p> 现将有关事项公告如下:</p>
      <p><strong> 一、指导思想</strong></p><p><strong><br/></strong></p><p> 以习近平新时代中国特色社会主义思想为指导。</p>
      <p> <strong>(一)实施范围。</strong>娄星区范围内的机关。</p>
      """
    let (structure, _) = recognize(text)
    #expect(structure.sections.map(\.title) == ["指导思想"])
    #expect(structure.sections[0].text == "指导思想以习近平新时代中国特色社会主义思想为指导。")
    #expect(structure.sections[0].children.map(\.text) == ["实施范围。娄星区范围内的机关。"])
  }

  @Test func numberingProblemsAreDiagnosedWithTheirPlace() {
    let text = "一、关于整改\n三、关于储备\n三、关于保障\n二、关于其他\n（二）另行研究。"
    let (structure, normalized) = recognize(text)
    #expect(
      structure.diagnostics.map(\.code.rawValue) == [
        "section-number-skipped", "section-number-repeated", "section-marker-out-of-order", "section-marker-out-of-order",
      ])
    let ranges = structure.diagnostics.compactMap(\.range)
    #expect(ranges.map { normalized.normalized.text.unicodeScalars.count >= $0.end } == [true, true, true, true])
    let scalars = Array(text.unicodeScalars)
    #expect(ranges.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == ["三、", "三、", "二、", "（二）"])
    #expect(structure.sections.map(\.marker) == ["一、", "三、", "三、", "二、"])
  }

  @Test func sectionRangesPointIntoTheInput() throws {
    let text = "  会议议定以下意见：\n\n一、审议方案\n（一）原则同意。"
    let (structure, _) = recognize(text)
    let scalars = Array(text.unicodeScalars)
    let range = try #require(structure.sections[0].children[0].range)
    #expect(String(String.UnicodeScalarView(scalars[range.start..<range.end])) == "（一）原则同意。")
  }

  @Test(.enabled(if: Corpus.sharedIsAvailable)) func blocksAreInOrderAndDoNotOverlap() throws {
    let text = try Corpus.sharedText(Corpus.seedName)
    let (structure, normalized) = recognize(text)
    for (previous, next) in zip(structure.blocks, structure.blocks.dropFirst()) {
      #expect(previous.range.upperBound <= next.range.lowerBound)
    }
    // Between blocks there is only white space.
    var covered = [Bool](repeating: false, count: normalized.scalars.count)
    for block in structure.blocks { for i in block.range { covered[i] = true } }
    let uncovered = normalized.scalars.indices.filter { !covered[$0] && !normalized.scalars[$0].properties.isWhitespace }
    #expect(uncovered.isEmpty)
  }

  @Test func theParserFillsTheSectionsAndTheirDiagnostics() {
    let document = DocumentParser().parse("会议议定以下意见：\n一、关于整改\n三、关于储备")
    #expect(document.sections.map(\.marker) == ["一、", "三、"])
    #expect(document.diagnostics.map(\.code.rawValue) == ["section-number-skipped"])
  }

  @Test func theParserReadsTheSectionsOfAWebCopyWithoutItsMarkup() throws {
    // Normalisation strips the tags and turns `&nbsp;` into a space before the recognizer reads.
    let text = """
      <p style="text-align: center;"><strong>关于做好防汛工作的通知</strong></p>
      <p>&nbsp;&nbsp;现将有关事项通知如下:</p><p><strong>一、加强组织领导</strong></p><p>各地要落实责任。<br/>要明确分工。</p>
      <p><strong>二、做好值班值守</strong></p><p>&nbsp;严格执行24小时值班制度。</p>
      """
    let document = DocumentParser().parse(text)
    #expect(document.sections.map(\.marker) == ["一、", "二、"])
    #expect(document.sections.map(\.title) == ["加强组织领导", "做好值班值守"])
    #expect(document.sections.map(\.text) == ["加强组织领导各地要落实责任。要明确分工。", "做好值班值守严格执行24小时值班制度。"])
    let range = try #require(document.sections[0].range)
    let scalars = Array(text.unicodeScalars)
    #expect(
      String(String.UnicodeScalarView(scalars[range.start..<range.end]))
        == "一、加强组织领导</strong></p><p>各地要落实责任。<br/>要明确分工。")
  }

  @Test func aLongOneLineDocumentTakesLinearTime() {
    var text = "现纪要如下:"
    for item in 1...9 {
      text += "\(["一", "二", "三", "四", "五", "六", "七", "八", "九"][item - 1])、关于第\(item)项工作 会议要求,各部门要抓好落实。"
      for sub in 1...9 { text += "(\(["一", "二", "三", "四", "五", "六", "七", "八", "九"][sub - 1]))" + String(repeating: "各地要加强组织领导,落实属地责任, 确保如期完成。", count: 100) }
    }
    let clock = ContinuousClock()
    let start = clock.now
    let (structure, _) = recognize(text)
    let elapsed = clock.now - start
    #expect(structure.sections.count == 9)
    #expect(structure.sections.allSatisfy { $0.children.count == 9 })
    #expect(elapsed < .seconds(30), "\(text.unicodeScalars.count) scalars took \(elapsed)")
  }
}
