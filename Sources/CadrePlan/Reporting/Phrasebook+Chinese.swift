import Foundation
import Scenario

// The Chinese table: everything a planner reads, in Chinese. Its twin is Phrasebook+English.swift.

extension Word {
    /// Chinese.
    var chinese: String {
        switch self {
        case .level(let l): l == .province ? "省级" : "市县"
        case .levelKey(let k): Level(rawValue: k).map { Word.level($0).chinese } ?? k
        case .rank(let r): r.chinese
        case .rankLevel(let r): r.chinese + "级"
        case .rankKey(let k): k
        case .kind(let k): ["enterprise": "企业", "project": "项目", "park": "园区"][k.rawValue]!
        case .tier(let t): [Tier.coverage: "覆盖（加权缺口）", .principle: "一对一原则（一人多对象的额外对象数）", .timeliness: "时效（加权延后）",
                            .stability: "稳定（变动）", .quality: "质量（成本）"][t]!
        case .tierName(let t): [Tier.coverage: "覆盖", .principle: "一对一原则", .timeliness: "时效", .stability: "稳定", .quality: "质量"][t]!
        case .status(let s):
            switch s {
            case "optimal": "最优"
            case "feasible (time limit)": "可行（时限已到，未证最优）"
            case "feasible (gap limit)": "可行（达到差距容限）"
            case "given": "给定"
            default: s
            }
        case .mode(let m):
            switch AssignmentMode(text: m) {
            case .oneToOne?: "一对一（\(m)）"
            case .oneToMany(let k)?: "一对多，每人最多 \(k) 个对象（\(m)）"
            case .oneToOneFirst(let k)?: "原则上一对一，需要时一对多，每人最多 \(k) 个对象（\(m)）"
            case nil: m
            }
        case .noGroup: "无服务组"
        case .none: "—"
        case .listSeparator: "、"
        case .clauseSeparator: "，"
        case .partSeparator: "；"
        case .languageTag: "zh-CN"
        case .sentenceEnd: "。"
        }
    }
}

extension Header {
    /// Chinese.
    var chinese: String {
        switch self {
        case .assignment(let c):
            switch c {
            case .wave: "批次"
            case .date: "日期"
            case .group_id: "服务组编号"
            case .group_name: "服务组"
            case .cadre_id: "干部编号"
            case .cadre_name: "干部姓名"
            case .rank: "职级"
            case .unit: "单位"
            case .target_id: "服务对象编号"
            case .target_name: "服务对象名称"
            case .category: "类别"
            case .level: "层级"
            case .region_id: "地区编号"
            case .region_name: "地区"
            case .distance_km: "距离公里"
            }
        case .section: "分组"
        case .id: "编号"
        case .name: "名称"
        case .targets: "对象数"
        case .declined: "不愿接受服务"
        case .accepting: "接受服务"
        case .covered: "已覆盖"
        case .demand: "需求人数"
        case .served: "已派人数"
        case .rate: "覆盖率"
        case .cadres: "干部数"
        case .idle: "未派出"
        case .noTargetLeft: "无可服务对象"
        case .quotaFull: "名额已满"
        case .noTargetLeftText: "无可服务对象"
        case .quotaFullText: "名额已满"
        case .otherReason: "其他"
        case .change: "变动"
        case .cadreID: "干部编号"
        case .targetID: "服务对象编号"
        case .wave: "批次"
        case .now: "现安排"
        case .reason: "原因"
        case .date: "日期"
        case .level: "层级"
        case .dispatched: "派出"
        case .quota: "名额"
        case .shareOfQuota: "占名额"
        case .shortfall: "缺口人数"
        case .goal: "目标"
        case .tier: "层"
        case .value: "值"
        case .bound: "界"
        case .gap: "相对差距"
        case .status: "状态"
        case .region: "地区"
        case .given: "派往外地"
        case .received: "外地支援"
        case .figure: "比较项"
        case .key: "编号"
        case .quotaScope: "范围"
        case .usedOfLimit: "已用/名额"
        case .used: "已用"
        case .limit: "名额"
        case .state: "状态"
        case .facts: "情况"
        case .recommendation: "建议"
        case .shortTargets: "未足额对象"
        case .indicator: "指标"
        case .category: "类别"
        case .coveredOfAccepting: "已覆盖/接受服务"
        case .group: "服务组"
        case .seat: "驻地坐标"
        }
    }
}

extension ReportPhrase {
    /// Chinese.
    var chinese: String {
        switch self {
        case .planTitle(let s): "派驻方案：\(s)"
        case let .modeAndStatus(mode, status): "模式 \(mode)，状态 \(status)。"
        case .tiersTitle: "目标分层"
        case .indicatorsTitle: "指标（按接受服务的对象计）"
        case .dispatchTitle: "分批派驻"
        case let .dispatchSentence(cadres, pairs, extra, mean, longest):
            "派出干部 \(cadres) 人，结对 \(pairs) 个（一人多对象的额外对象 \(extra) 个），平均距离 \(mean) 公里，最远 \(longest) 公里。"
        case .everyCadreDispatched: "全部干部均已派出。"
        case .idleTitle(let n): "未派出干部（\(n) 人）"
        case .byHomeRegion: "按地区"
        case .byServiceGroup: "按服务组"
        case .crossRegionTitle: "支援外地（市县干部跨地区服务）"
        case let .modelSentence(individual, variables, rows, blocks):
            "模型：逐人模型 \(individual) 个变量，聚类后求解 \(variables) 个变量、\(rows) 行，\(blocks) 个独立块。"
        case .allAssignments(let s): "\(s) 全部派驻"
        case let .waveTitle(id, date): "\(date) 批次 \(id)"
        case .goalNote: "竖线为活动目标 100%；覆盖率按接受服务的对象计，不愿接受服务的对象另列。"
        case .regionsTitle: "各地区覆盖与未派出干部"
        case .mapTitle: "各市县覆盖率地图"
        case .mapNote: "圆点位于各市县驻地坐标，颜色表示覆盖率，大小表示服务对象数。"
        case .coverageLegend: "覆盖率"
        case .targetsLegend: "服务对象数"
        case .noSeats: "情景未给出地区驻地坐标，无法绘制地图。"
        case .shortageTitle: "各地区未足额对象与未派出干部"
        case .shortageNote: "未足额对象：接受服务但未派足干部的对象；未派出干部按原因分列。"
        case .noneInAnyRegion: "各地区均为 0。"
        case .tierNote: "各层依次求最优，后一层保持前一层的最优值；“—”表示求解器未给出界。"
        case .boundMissing: "—"
        case .generatedBy(let v): "由 cadreplan 生成（\(v)）。"
        case .comparisonTitle: "方案比较"
        case .planColumn(let s): "方案 \(s)"
        case .overviewSheet: "总览"
        case .assignmentsSheet: "全部派驻"
        case .coverageSheet: "覆盖率"
        case .idleSheet: "未派出干部"
        case .groupWorkbookTitle(let g): "\(g) 派驻名单"
        case .regionWorkbookTitle(let r): "\(r) 派驻名单"
        case .dispatchOfTotal: "派出/名额"
        case .dispatchByRegionTitle: "各地区派驻"
        case .declinedNote(let n): "另有 \(n) 个对象不愿接受服务，未计入覆盖率。"
        }
    }
}

extension ChangePhrase {
    /// Chinese.
    var chinese: String {
        switch self {
        case .kind(let k): ["removed": "取消", "moved": "调整", "added": "新增"][k] ?? k
        case .cadreGone: "干部已不在名单中"
        case .targetGone: "服务对象已不在名单中"
        case .waveGone: "该批次已不存在"
        case .noLongerAllowed(let why): "规则已不允许：" + ExclusionPhrase.chinese(why)
        case .becameUrgent: "对象改为紧急：只能由第一批干部服务"
        case .laterWaveOnly: "干部在该批次不能派出"
        case .movedForHigherTiers: "为提高覆盖或时效（更高层目标）而调整"
        case .newAssignmentOfMovedCadre: "调整后干部的新安排"
        case .newCadreForShortTarget: "新派出干部：服务未足额的对象"
        }
    }
}

/// The rule book's reasons, in Chinese (Exclusion.explanation is the English one).
enum ExclusionPhrase {
    static func chinese(_ e: Exclusion) -> String {
        switch e {
        case .level: "干部与对象层级不同"
        case .group: "干部所属服务组不负责该对象的类别"
        case .region: "市县干部只服务本地区（及 rules.county_reach_km 范围内的地区）"
        case .rank: "干部职级低于对象要求的最低职级"
        case .consent: "对象不愿接受服务"
        case .forbidden: "pairs.csv 禁止该结对"
        case .notListed: "只允许 pairs.csv 中列出的结对"
        case .conflict: "对象由干部所在单位主管（回避）"
        case .workload: "工作量超出干部能力"
        case .wave: "没有可用批次（紧急对象须第一批服务，而干部只能后续批次派出）"
        }
    }
}

extension ComparePhrase {
    /// Chinese.
    var chinese: String {
        switch self {
        case .section(let s):
            switch s {
            case .plan: "方案"
            case .indicators: "指标"
            case .categories: "分类覆盖率"
            case .regions: "分地区覆盖率"
            case .dispatch: "分批派驻（派出/名额）"
            case .load: "干部与结对"
            case .idle: "未派出干部（按地区）与支援外地"
            case .distance: "距离"
            case .ranks: "职级使用（结对数）"
            case .tiers: "目标分层"
            case .time: "时间"
            case .model: "模型规模"
            }
        case .scenario: "场景"
        case .mode: "模式"
        case .status: "求解状态"
        case .violations: "校验违规数"
        case .declinedService(let name): name + "：不愿接受服务"
        case .cadresDispatched: "派出干部"
        case .pairs: "结对数"
        case .extraTargets: "一人多对象的额外对象"
        case .idleCadres: "未派出干部"
        case .crossRegionGiven(let name): "支援外地：" + name
        case .targetsPerCadreMean: "每名干部服务对象数（平均）"
        case .cadresServing(let k): "服务 \(k) 个对象的干部"
        case .totalKm: "总距离（公里）"
        case .meanKm: "平均距离（公里）"
        case .longestKm: "最远距离（公里）"
        case .rankCadres(let r): "\(r.chinese)级干部"
        case .aboveMinimumRank: "高于最低职级要求"
        case .solveSeconds: "求解时间（秒）"
        case .individualVariables: "逐人模型变量"
        case .individualRows: "逐人模型约束"
        case .solvedVariables: "求解模型变量"
        case .solvedRows: "求解模型约束"
        case .solvedNonzeros: "求解模型非零元"
        case .cadreClasses: "干部类"
        case .targetClasses: "服务对象类"
        case .blocks: "独立块"
        case .simplexIterations: "单纯形迭代"
        case .nodes: "分支定界节点"
        case .solver: "求解器"
        case .coveredSuffix: "（已覆盖）"
        case .targetsSuffix: "（对象数）"
        case .quotaSuffix: "（名额）"
        case .statusSuffix: "（状态）"
        case .gapSuffix: "（相对差距）"
        }
    }
}

extension ExplainPhrase {
    /// Chinese.
    var chinese: String {
        switch self {
        case .shortagesTitle: "短缺及原因"
        case .quotasTitle: "批次名额"
        case .recommendationsTitle: "建议"
        case .ruleChangesTitle: "或调整规则（不增派干部）"
        case .checkTitle: "核验"
        case .noShortageText: "没有短缺：每个对象都已足额服务。"
        case .noShortage: "没有短缺。"
        case .moreEntriesText(let n): "……另有 \(n) 组未列出（--limit 0 显示全部，或用 --format json）。"
        case .moreEntries(let n): "另有 \(n) 组未列出。"
        case .markdownTitle(let s): "短缺说明：\(s)"
        case .planSource(let s): s == .solved ? "求解所得方案" : "给定方案"
        case let .scenarioLine(scenario, mode, source, coverage, status): "情景 \(scenario)（\(mode)）：\(source)，覆盖层 \(coverage)（\(status)）。"
        case let .shortCount(targets, units): "未足额服务的对象 \(targets) 个，共缺 \(units) 人次"
        case .declinedPart(let n): "；其中 \(n) 个拒绝服务，无法安排"
        case .givenNotOptimal: "注意：给定方案不是最优——仍有相容干部可以服务短缺对象。"
        case .andMore: " 等"
        case .targetCount(let n): "（\(n) 个）"
        case .weight(let w): "权重 \(w)"
        case .urgent: "紧急"
        case .halted: "停产停工"
        case .needsRank(let r): "需\(r)及以上"
        case let .servedOf(served, demand): "已派 \(served)/\(demand)"
        case .reasonPartSeparator: "，"
        case .factSeparator: "·"
        case .reasonDeclined: "原因：对象不同意接受服务，任何干部都不能安排。"
        case .reasonNoCompatible: "原因：没有任何相容干部。"
        case .reasonNotEnough(let n): "原因：相容干部不足——共 \(n) 名相容干部"
        case .reasonCapacity(let n): "原因：一对多容量已满——共 \(n) 名相容干部"
        case .servingIt(let n): "\(n) 名已在服务该对象"
        case let .busyAtLimit(cadres, limit, weights): "\(cadres) 名已达每人 \(limit) 个对象或工作量上限（所服务对象权重 \(weights)）"
        case let .busyElsewhere(cadres, weights): "\(cadres) 名已派往其他对象（权重 \(weights)）"
        case let .reasonQuotaFull(quotas, blocked): "原因：批次名额已满（\(quotas)）——\(blocked) 名相容干部因此不能派往该对象"
        case .urgentFirstWaveOnly: "（紧急对象只能由第一批干部服务）"
        case .quotaTakenBy(let w): "；名额已被权重不低于 \(w) 的对象占用"
        case .otherCompatible(let n): "；另有 \(n) 名相容干部已在服务其他对象或该对象"
        case .reasonNotOptimal(let n): "原因：仍有 \(n) 名相容干部可以服务该对象——方案不是最优，重新求解即可改善。"
        case .excludedLine(let list): "不相容的同级干部：" + list + "。"
        case .seeRecommendation(let id): "见建议 \(id)"
        case .orRuleChange(let ids): "或规则调整 \(ids)"
        case let .barrier(why, n, level, category, region, rank):
            switch why {
            case .level: "没有\(level)干部（\(n) 名为另一层级）"
            case .group: "\(n) 名所属服务组不负责「\(category)」"
            case .region: "\(n) 名不在\(region)"
            case .rank: "\(n) 名职级低于\(rank)"
            case .consent: "\(n) 名（对象拒绝服务）"
            case .forbidden: "\(n) 名被 pairs.csv 禁止（回避）"
            case .notListed: "\(n) 名未在 pairs.csv 中列出"
            case .conflict: "\(n) 名来自对象的主管单位（回避）"
            case .workload: "\(n) 名能力不足以承担其工作量"
            case .wave: "\(n) 名最早只能在后续批次派出（紧急对象须第一批）"
            }
        case .moreTargets(let n): " 等 \(n) 个"
        case let .raiseQuota(wave, scope, from, by): "将 \(wave) \(scope)名额（现为 \(from)）提高 \(by)"
        case .group(let g): "服务组 " + g
        case .home(let r): "所在地 " + r
        case .skills(let s): "专长 " + s
        case .capacity(let c): "能力 \(c)"
        case let .addCadres(id, count, level, rank, attributes, wave): "建议 \(id)：增派 \(count) 名\(level)\(rank)干部（\(attributes)），于 \(wave) 批派出"
        case .listedPairsToo: "，并在 pairs.csv 中列出与这些对象的结对"
        case let .dispatchIdle(id, cadres, wave): "建议 \(id)：派出现有未派出的相容干部 \(cadres)，于 \(wave) 批"
        case let .useSpare(id, cadres, wave): "建议 \(id)：由尚有余力或未派出的相容干部 \(cadres) 服务，于 \(wave) 批（原方案非最优，重新求解即可）"
        case .needsRaises(let r): "；需\(r)"
        case let .closes(targets, units): "——补足 \(targets)（\(units) 人次）。"
        case .verified(let ok): ok ? " 核验：通过。" : " 核验：未通过。"
        case let .maxTargetsGroup(id, group, from, to, key): "R\(id)：将服务组 \(group) 每名干部最多服务对象数由 \(from) 提高到 \(to)（\(key)）：一对多，仅在需要处"
        case let .maxTargetsRegion(id, region, from, to, key): "R\(id)：将 \(region) 干部每人最多服务对象数由 \(from) 提高到 \(to)（\(key)）：一对多，仅在需要处"
        case let .countyReach(id, from, to, key): "R\(id)：允许市县干部服务 \(to) 公里内的邻近市县对象（\(key)，现为 \(from)）：属地为主，就近支援"
        case .forTargets(let t): "——针对 \(t)。"
        case let .ruleChangeChecked(closed, total): " 核验（与其他规则调整一并重新求解）：补足 \(closed)/\(total)。"
        case let .checkResolved(added, raised): "在情景中加入 \(added) 名建议干部" + (raised.isEmpty ? "" : "、调整名额（\(raised)）") + "后重新求解"
        case let .checkCoverage(before, after, status, constructed): "：覆盖层 \(before) → \(after)（\(status)；由原方案加上建议直接构造的方案为 \(constructed)）。"
        case .allRecommendationsVerified: "每条建议对应的对象在新方案中均已足额服务。"
        case .recommendationsFailed(let ids): "未通过的建议：\(ids)。"
        case .stillShort(let ids): "新方案中仍未足额的对象：\(ids)。"
        case .quotaFullBinds(let n): "已满，紧约束（\(n) 个短缺对象受其限制）"
        case .quotaFull: "已满"
        case .regionScope(let r): "地区 " + r
        case .groupScope(let g): "服务组 " + g
        }
    }
}
